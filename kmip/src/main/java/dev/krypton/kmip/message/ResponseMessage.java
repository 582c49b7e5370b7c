package dev.krypton.kmip.message;

import java.util.List;

/** A Response Message (KMIP 1.4 section 7.1, KMIP 2.1 section 8.4): a header and its batch items. */
public record ResponseMessage(ResponseHeader header, List<ResponseBatchItem> batchItems) {

    public ResponseMessage {
        batchItems = List.copyOf(batchItems);
    }

    /** The protocol version of the message. */
    public ProtocolVersion version() {
        return header.protocolVersion();
    }
}
