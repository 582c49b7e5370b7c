package dev.krypton.kmip.server;

import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.Principal;
import dev.krypton.engine.UndoLog;
import dev.krypton.kmip.BatchErrorContinuationOption;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestBatchItem;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseHeader;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.StandardPayloads;
import dev.krypton.kmip.server.operation.OperationHandler;
import dev.krypton.kmip.server.operation.RequestContext;
import dev.krypton.kmip.server.operation.StandardHandlers;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns one request frame into one response frame (KMIP 1.4 section 7, KMIP 2.1 section 8): reads
 * the message, runs its batch items in order through the operation handlers, honours the Batch
 * Error Continuation Option (Continue; Stop, the default, answers the items up to the first
 * failure; Undo also stops there and puts back what the earlier items changed, answering them
 * Operation Undone: the engine's {@link UndoLog}) and the Maximum Response Size. A message that
 * cannot be read is answered with one failed item carrying Invalid Message or Invalid Field.
 */
final class Dispatcher {

    /** A response frame and the metrics slot of the operation it answered. */
    record Reply(byte[] frame, int operationSlot) {
    }

    private final Map<Integer, OperationHandler<?>> handlers = new HashMap<>();
    private final MessageCodec codec = StandardPayloads.messageCodec();
    private final KeyOperations keys;
    private final ServerLimits limits;
    private final Clock clock;
    private final RequestMetrics metrics;

    Dispatcher(List<OperationHandler<?>> handlers, KeyOperations keys, ServerLimits limits, Clock clock,
               RequestMetrics metrics) {
        handlers.forEach(h -> this.handlers.put(h.operation().value(), h));
        this.keys = keys;
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    static Dispatcher standard(KeyOperations keys, ServerLimits limits, Clock clock, RequestMetrics metrics) {
        return new Dispatcher(StandardHandlers.all(limits.maxLocateItems(), limits.maxRandomBytes(), limits.multiPart()), keys, limits, clock,
                metrics);
    }

    /** The response frame for one request frame; its items are counted in the metrics. */
    Reply handle(byte[] frame, Principal principal) {
        ProtocolVersion version = ProtocolVersion.V1_0;
        RequestMessage request;
        try {
            Ttlv tree = TtlvDecoder.decode(frame, 0, frame.length, limits.decode());
            version = answerVersion(tree);
            if (!(tree instanceof Ttlv.Structure root)) {
                throw new KmipException(ResultReason.INVALID_MESSAGE, "a request must be a Structure");
            }
            request = codec.readRequest(root);
        } catch (KmipException e) {
            return counted(error(version, e.reason(), e.getMessage()));
        }
        return counted(respond(request, principal));
    }

    /** The response frame for a frame that could not even be delimited. */
    Reply unreadable(KmipException e) {
        return counted(error(ProtocolVersion.V1_0, e.reason(), e.getMessage()));
    }

    /** Encodes the response after counting each answered item by operation and result. */
    private Reply counted(ResponseMessage response) {
        int message = -1;
        for (ResponseBatchItem item : response.batchItems()) {
            int slot = item.operationCode().isPresent() ? RequestMetrics.slot(item.operationCode().getAsInt()) : RequestMetrics.UNKNOWN;
            metrics.item(slot, item.isSuccess() ? null : item.resultReason().orElse(ResultReason.GENERAL_FAILURE));
            message = message == -1 || message == slot ? slot : RequestMetrics.MIXED;
        }
        return new Reply(encode(response), message == -1 ? RequestMetrics.UNKNOWN : message);
    }

    ResponseMessage respond(RequestMessage request, Principal principal) {
        ProtocolVersion version = request.version();
        if (!version.isSupported()) {
            return error(fallback(version), ResultReason.INVALID_MESSAGE, "protocol version " + version + " is not supported");
        }
        if (request.batchItems().size() > limits.maxBatchItems()) {
            return error(version, ResultReason.INVALID_MESSAGE, "more than " + limits.maxBatchItems() + " batch items");
        }
        var option = request.header().batchErrorContinuation().orElse(BatchErrorContinuationOption.STOP);
        List<ResponseBatchItem> answers = new ArrayList<>();
        RequestContext context = new RequestContext(principal, version, keys, clock);
        if (option == BatchErrorContinuationOption.UNDO && request.batchItems().size() > 1) {
            try (UndoLog log = keys.startUndoLog(principal)) {
                runUntilFailure(context, request.batchItems(), answers);
                if (!answers.getLast().isSuccess()) {
                    undo(log, answers);
                }
            }
        } else {
            for (RequestBatchItem item : request.batchItems()) {
                ResponseBatchItem answer = run(context, item);
                answers.add(answer);
                if (!answer.isSuccess() && option != BatchErrorContinuationOption.CONTINUE) {
                    break;
                }
            }
        }
        ResponseMessage response = new ResponseMessage(header(version, request), answers);
        OptionalInt max = request.header().maximumResponseSize();
        if (max.isPresent() && TtlvEncoder.encodedLength(codec.write(response)) > max.getAsInt()) {
            List<ResponseBatchItem> tooLarge = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                tooLarge.add(ResponseBatchItem.failure(request.batchItems().get(i), ResultReason.RESPONSE_TOO_LARGE,
                        "response exceeds Maximum Response Size"));
            }
            response = new ResponseMessage(response.header(), tooLarge);
        }
        return response;
    }

    private void runUntilFailure(RequestContext context, List<RequestBatchItem> items, List<ResponseBatchItem> answers) {
        for (RequestBatchItem item : items) {
            ResponseBatchItem answer = run(context, item);
            answers.add(answer);
            if (!answer.isSuccess()) {
                return;
            }
        }
    }

    /**
     * Puts back what the successful items changed and answers them Operation Undone (payloads
     * kept). When that is impossible (an L3 KEK changed, or another node changed an object since)
     * they stay answered as done, and the failed item's message says so.
     */
    private static void undo(UndoLog log, List<ResponseBatchItem> answers) {
        ResponseBatchItem failed = answers.getLast();
        try {
            log.undo();
        } catch (RuntimeException e) {
            Failures.Failure why = Failures.of(e);
            answers.set(answers.size() - 1, new ResponseBatchItem(failed.operationCode(), failed.uniqueBatchItemId(),
                    failed.resultStatus(), failed.resultReason(), Optional.of(failed.resultMessage().orElse("")
                    + "; the earlier items could not be undone: " + why.message()), failed.payload(), failed.messageExtensions()));
            return;
        }
        for (int i = 0; i < answers.size() - 1; i++) {
            ResponseBatchItem done = answers.get(i);
            answers.set(i, new ResponseBatchItem(done.operationCode(), done.uniqueBatchItemId(), ResultStatus.OPERATION_UNDONE,
                    Optional.empty(), Optional.empty(), done.payload(), done.messageExtensions()));
        }
    }

    private ResponseBatchItem run(RequestContext context, RequestBatchItem item) {
        OperationHandler<?> handler = handlers.get(item.operationCode());
        if (handler == null || !handler.requestType().isInstance(item.payload())) {
            return ResponseBatchItem.failure(item, ResultReason.OPERATION_NOT_SUPPORTED, "operation not supported");
        }
        try {
            return ResponseBatchItem.success(item, invoke(handler, context, item));
        } catch (RuntimeException e) {
            Failures.Failure f = Failures.of(e, context.version());
            return ResponseBatchItem.failure(item, f.reason(), f.message());
        }
    }

    private static <Q extends RequestPayload> ResponsePayload invoke(
            OperationHandler<Q> handler, RequestContext context, RequestBatchItem item) {
        return handler.handle(context, handler.requestType().cast(item.payload()));
    }

    private ResponseHeader header(ProtocolVersion version, RequestMessage request) {
        Optional<String> correlation = version.atLeast(ProtocolVersion.V1_4)
                ? request.header().clientCorrelationValue() : Optional.empty();
        return new ResponseHeader(version, clock.instant().truncatedTo(ChronoUnit.SECONDS), correlation,
                Optional.empty(), List.of());
    }

    private ResponseMessage error(ProtocolVersion version, ResultReason reason, String message) {
        var item = new ResponseBatchItem(OptionalInt.empty(), Optional.empty(), ResultStatus.OPERATION_FAILED,
                Optional.of(reason), Optional.of(message), Optional.empty(), List.of());
        return new ResponseMessage(ResponseHeader.of(version, clock.instant().truncatedTo(ChronoUnit.SECONDS)), List.of(item));
    }

    private byte[] encode(ResponseMessage response) {
        return TtlvEncoder.encode(codec.write(response));
    }

    /** The version to answer in: the request's when it is one we speak, else the closest one below it. */
    private static ProtocolVersion answerVersion(Ttlv tree) {
        if (tree instanceof Ttlv.Structure root
                && root.find(Tag.REQUEST_HEADER).orElse(null) instanceof Ttlv.Structure header
                && header.find(Tag.PROTOCOL_VERSION).orElse(null) instanceof Ttlv.Structure v
                && v.find(Tag.PROTOCOL_VERSION_MAJOR).orElse(null) instanceof Ttlv.IntegerItem major
                && v.find(Tag.PROTOCOL_VERSION_MINOR).orElse(null) instanceof Ttlv.IntegerItem minor) {
            return fallback(new ProtocolVersion(major.value(), minor.value()));
        }
        return ProtocolVersion.V1_0;
    }

    private static ProtocolVersion fallback(ProtocolVersion asked) {
        return ProtocolVersion.SUPPORTED.stream().filter(s -> asked.atLeast(s)).findFirst().orElse(ProtocolVersion.V1_0);
    }
}
