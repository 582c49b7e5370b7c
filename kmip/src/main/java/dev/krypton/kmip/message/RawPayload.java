package dev.krypton.kmip.message;

import dev.krypton.kmip.Ttlv.Structure;

/**
 * A payload kept as its TTLV tree: for operations that have no typed record (so a server can
 * still answer them with Operation Not Supported) and vendor operations. It re-encodes exactly
 * as received, whatever the protocol version.
 *
 * @param operationCode the Operation enumeration value of the batch item
 * @param payload       the Request Payload or Response Payload structure
 */
public record RawPayload(int operationCode, Structure payload) implements RequestPayload, ResponsePayload {

    @Override
    public Structure toTtlv(ProtocolVersion version) {
        return payload;
    }
}
