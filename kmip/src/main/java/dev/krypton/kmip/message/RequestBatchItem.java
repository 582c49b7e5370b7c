package dev.krypton.kmip.message;

import dev.krypton.kmip.Ttlv.Structure;
import java.util.List;
import java.util.Optional;

/**
 * One request Batch Item (KMIP 1.4 section 7.2 table 249, KMIP 2.1 section 8.3). The Operation
 * is the payload's {@link RequestPayload#operationCode()}.
 *
 * @param uniqueBatchItemId  required when the message holds several items; unique within it
 * @param payload            the typed (or raw) request payload
 * @param ephemeral          KMIP 2.x Ephemeral flag
 * @param messageExtensions  Message Extension structures, passed through
 */
public record RequestBatchItem(Optional<Bytes> uniqueBatchItemId, RequestPayload payload,
                               Optional<Boolean> ephemeral, List<Structure> messageExtensions) {

    public RequestBatchItem {
        messageExtensions = List.copyOf(messageExtensions);
    }

    /** An item with only a payload. */
    public static RequestBatchItem of(RequestPayload payload) {
        return new RequestBatchItem(Optional.empty(), payload, Optional.empty(), List.of());
    }

    /** An item with a batch item id. */
    public static RequestBatchItem of(Bytes id, RequestPayload payload) {
        return new RequestBatchItem(Optional.of(id), payload, Optional.empty(), List.of());
    }

    /** The operation code of the payload. */
    public int operationCode() {
        return payload.operationCode();
    }
}
