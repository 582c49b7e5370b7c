package dev.krypton.kmip.message;

import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.Ttlv.Structure;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One response Batch Item (KMIP 1.4 section 7.2 table 251, KMIP 2.1 section 8.6).
 *
 * @param operationCode      the Operation, present when the request named one
 * @param uniqueBatchItemId  echoes the request item's id
 * @param resultStatus       Success, Operation Failed, Operation Pending or Operation Undone
 * @param resultReason       required on failure
 * @param resultMessage      free text, safe to show
 * @param payload            the Response Payload, absent on failure
 * @param messageExtensions  Message Extension structures, passed through
 */
public record ResponseBatchItem(OptionalInt operationCode, Optional<Bytes> uniqueBatchItemId,
                                ResultStatus resultStatus, Optional<ResultReason> resultReason,
                                Optional<String> resultMessage, Optional<ResponsePayload> payload,
                                List<Structure> messageExtensions) {

    public ResponseBatchItem {
        messageExtensions = List.copyOf(messageExtensions);
    }

    /** A successful item answering {@code request} with {@code payload}. */
    public static ResponseBatchItem success(RequestBatchItem request, ResponsePayload payload) {
        return new ResponseBatchItem(OptionalInt.of(request.operationCode()), request.uniqueBatchItemId(),
                ResultStatus.SUCCESS, Optional.empty(), Optional.empty(), Optional.of(payload), List.of());
    }

    /** A failed item answering {@code request}; {@code message} must hold no secret or internal detail. */
    public static ResponseBatchItem failure(RequestBatchItem request, ResultReason reason, String message) {
        return new ResponseBatchItem(OptionalInt.of(request.operationCode()), request.uniqueBatchItemId(),
                ResultStatus.OPERATION_FAILED, Optional.of(reason), Optional.of(message), Optional.empty(), List.of());
    }

    /** Whether the operation succeeded. */
    public boolean isSuccess() {
        return resultStatus == ResultStatus.SUCCESS;
    }
}
