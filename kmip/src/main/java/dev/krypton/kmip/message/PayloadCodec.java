package dev.krypton.kmip.message;

import dev.krypton.kmip.Operation;

/**
 * How one operation's payloads are read from TTLV; the records write themselves
 * ({@link RequestPayload#toTtlv}). Each payload file in {@code dev.krypton.kmip.payload} declares
 * one, and a {@link PayloadRegistry} maps operations to them, so a new operation needs only its
 * payload file and a registry entry.
 *
 * @param operation the operation
 * @param request   reads a Request Payload
 * @param response  reads a Response Payload
 * @param requestName  how errors name the request payload
 * @param responseName how errors name the response payload
 */
public record PayloadCodec(Operation operation, Reader<? extends RequestPayload> request,
                           Reader<? extends ResponsePayload> response, String requestName, String responseName) {

    /** A codec whose error messages name the operation's payloads. */
    public PayloadCodec(Operation operation, Reader<? extends RequestPayload> request, Reader<? extends ResponsePayload> response) {
        this(operation, request, response, operation.specName() + " request payload", operation.specName() + " response payload");
    }

    /**
     * Reads one payload structure. Implementations take the fields they know from {@code fields};
     * the registry then rejects (requests) or ignores (responses) the fields left over.
     *
     * @param <T> the payload record type
     */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Fields fields, ProtocolVersion version);
    }
}
