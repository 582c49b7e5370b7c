package dev.krypton.kmip.message;

import dev.krypton.kmip.Ttlv.Structure;

/**
 * The Request Payload of one batch item: a typed record per operation (package
 * {@code dev.krypton.kmip.payload}) or a {@link RawPayload} for operations without one.
 */
public interface RequestPayload {

    /** The Operation enumeration value this payload belongs to (vendor values included). */
    int operationCode();

    /** This payload as a Request Payload structure in the given protocol version's encoding. */
    Structure toTtlv(ProtocolVersion version);
}
