package dev.krypton.kmip.message;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import java.util.HashSet;
import java.util.List;

/**
 * A Request Message (KMIP 1.4 section 7.1, KMIP 2.1 section 8.1): a header and one or more batch
 * items. With several items each must carry a Unique Batch Item ID, all different.
 */
public record RequestMessage(RequestHeader header, List<RequestBatchItem> batchItems) {

    public RequestMessage {
        batchItems = List.copyOf(batchItems);
        if (batchItems.isEmpty()) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "a request message needs at least one batch item");
        }
        if (batchItems.size() > 1) {
            var seen = new HashSet<String>();
            for (RequestBatchItem item : batchItems) {
                String id = item.uniqueBatchItemId().map(Bytes::toHex).orElseThrow(() -> new KmipException(
                        ResultReason.INVALID_MESSAGE, "Unique Batch Item ID is required when Batch Count > 1"));
                if (!seen.add(id)) {
                    throw new KmipException(ResultReason.INVALID_MESSAGE, "duplicate Unique Batch Item ID " + id);
                }
            }
        }
    }

    /** A one-item request in {@code version}. */
    public static RequestMessage of(ProtocolVersion version, RequestPayload payload) {
        return new RequestMessage(RequestHeader.of(version), List.of(RequestBatchItem.of(payload)));
    }

    /** A batch of several payloads with ids 1, 2, 3... (one byte each up to 255, then more). */
    public static RequestMessage batch(ProtocolVersion version, List<? extends RequestPayload> payloads) {
        if (payloads.size() == 1) {
            return of(version, payloads.getFirst());
        }
        List<RequestBatchItem> items = new java.util.ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            items.add(RequestBatchItem.of(Bytes.wrap(java.math.BigInteger.valueOf(i + 1L).toByteArray()), payloads.get(i)));
        }
        return new RequestMessage(RequestHeader.of(version), items);
    }

    /** The protocol version of the message. */
    public ProtocolVersion version() {
        return header.protocolVersion();
    }
}
