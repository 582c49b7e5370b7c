package dev.krypton.kmip.message;

import dev.krypton.kmip.BatchErrorContinuationOption;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Converts typed request and response messages to and from their TTLV trees (KMIP 1.4 section 7,
 * KMIP 2.1 section 8), with the payloads read by a {@link PayloadRegistry}.
 *
 * <p>Reading is strict: a wrong root tag, a missing header or batch item, a Batch Count that
 * differs from the items, or duplicate batch item ids is Invalid Message; a wrong field type,
 * an unknown field or a missing required field is Invalid Field.
 */
public final class MessageCodec {
    private final PayloadRegistry registry;

    public MessageCodec(PayloadRegistry registry) {
        this.registry = registry;
    }

    /** The registry used to read payloads. */
    public PayloadRegistry registry() {
        return registry;
    }

    /** Reads a Request Message tree. */
    public RequestMessage readRequest(Structure root) {
        requireTag(root, Tag.REQUEST_MESSAGE);
        Fields message = Fields.of(root, "Request Message");
        Structure headerTree = message.struct(Tag.REQUEST_HEADER).orElseThrow(() -> invalidMessage("missing Request Header"));
        List<Structure> itemTrees = message.structs(Tag.BATCH_ITEM);
        message.end();
        Fields h = Fields.of(headerTree, "Request Header");
        ProtocolVersion version = Versions.read(h.requiredStruct(Tag.PROTOCOL_VERSION));
        OptionalInt maxSize = h.integer(Tag.MAXIMUM_RESPONSE_SIZE);
        Optional<String> clientCorrelation = h.text(Tag.CLIENT_CORRELATION_VALUE);
        Optional<String> serverCorrelation = h.text(Tag.SERVER_CORRELATION_VALUE);
        h.any(Tag.ASYNCHRONOUS_INDICATOR);
        h.any(Tag.AUTHENTICATION);
        List<Ttlv> attestation = h.all(Tag.ATTESTATION_CAPABLE_INDICATOR);
        List<Ttlv> types = h.all(Tag.ATTESTATION_TYPE);
        if (!types.isEmpty()) {
            attestation = new ArrayList<>(attestation);
            attestation.addAll(types);
        }
        Optional<BatchErrorContinuationOption> continuation =
                h.enumeration(Tag.BATCH_ERROR_CONTINUATION_OPTION, BatchErrorContinuationOption.FAMILY);
        Optional<Boolean> order = h.bool(Tag.BATCH_ORDER_OPTION);
        var timeStamp = h.dateTime(Tag.TIME_STAMP);
        int batchCount = h.requiredInteger(Tag.BATCH_COUNT);
        h.end();
        checkCount(batchCount, itemTrees.size());
        List<RequestBatchItem> items = new ArrayList<>(itemTrees.size());
        for (Structure tree : itemTrees) {
            Fields f = Fields.of(tree, "request Batch Item");
            int op = f.enumValue(Tag.OPERATION).orElseThrow(() -> f.invalid("missing Operation in request Batch Item"));
            Optional<Boolean> ephemeral = f.bool(Tag.EPHEMERAL);
            Optional<Bytes> id = f.bytes(Tag.UNIQUE_BATCH_ITEM_ID);
            Structure payload = f.requiredStruct(Tag.REQUEST_PAYLOAD);
            List<Structure> extensions = f.structs(Tag.MESSAGE_EXTENSION);
            f.end();
            items.add(new RequestBatchItem(id, registry.readRequest(op, payload, version), ephemeral, extensions));
        }
        var header = new RequestHeader(version, maxSize, clientCorrelation, serverCorrelation, continuation,
                order, timeStamp, attestation);
        return new RequestMessage(header, items);
    }

    /** Writes a Request Message tree in the header's protocol version. */
    public Structure write(RequestMessage message) {
        RequestHeader h = message.header();
        ProtocolVersion v = h.protocolVersion();
        Structure header = Builder.of(Tag.REQUEST_HEADER).item(Versions.write(v))
                .integer(Tag.MAXIMUM_RESPONSE_SIZE, h.maximumResponseSize())
                .text(Tag.CLIENT_CORRELATION_VALUE, h.clientCorrelationValue())
                .text(Tag.SERVER_CORRELATION_VALUE, h.serverCorrelationValue())
                .items(h.attestation())
                .enumeration(Tag.BATCH_ERROR_CONTINUATION_OPTION, h.batchErrorContinuation())
                .bool(Tag.BATCH_ORDER_OPTION, h.batchOrderOption())
                .dateTime(Tag.TIME_STAMP, h.timeStamp())
                .integer(Tag.BATCH_COUNT, message.batchItems().size()).build();
        Builder root = Builder.of(Tag.REQUEST_MESSAGE).item(header);
        for (RequestBatchItem item : message.batchItems()) {
            root.item(Builder.of(Tag.BATCH_ITEM)
                    .item(new Ttlv.Enumeration(Tag.OPERATION, item.operationCode()))
                    .bool(Tag.EPHEMERAL, item.ephemeral())
                    .bytes(Tag.UNIQUE_BATCH_ITEM_ID, item.uniqueBatchItemId())
                    .item(item.payload().toTtlv(v))
                    .items(item.messageExtensions()).build());
        }
        return root.build();
    }

    /** Reads a Response Message tree. */
    public ResponseMessage readResponse(Structure root) {
        requireTag(root, Tag.RESPONSE_MESSAGE);
        Fields message = Fields.of(root, "Response Message");
        Structure headerTree = message.struct(Tag.RESPONSE_HEADER).orElseThrow(() -> invalidMessage("missing Response Header"));
        List<Structure> itemTrees = message.structs(Tag.BATCH_ITEM);
        message.end();
        Fields h = Fields.of(headerTree, "Response Header");
        ProtocolVersion version = Versions.read(h.requiredStruct(Tag.PROTOCOL_VERSION));
        var timeStamp = h.dateTime(Tag.TIME_STAMP).orElseThrow(() -> h.invalid("missing Time Stamp in Response Header"));
        Optional<String> clientCorrelation = h.text(Tag.CLIENT_CORRELATION_VALUE);
        Optional<String> serverCorrelation = h.text(Tag.SERVER_CORRELATION_VALUE);
        int batchCount = h.requiredInteger(Tag.BATCH_COUNT);
        List<Ttlv> passThrough = h.rest();
        checkCount(batchCount, itemTrees.size());
        List<ResponseBatchItem> items = new ArrayList<>(itemTrees.size());
        for (Structure tree : itemTrees) {
            Fields f = Fields.of(tree, "response Batch Item");
            OptionalInt op = f.enumValue(Tag.OPERATION);
            Optional<Bytes> id = f.bytes(Tag.UNIQUE_BATCH_ITEM_ID);
            ResultStatus status = f.requiredEnumeration(Tag.RESULT_STATUS, ResultStatus.FAMILY);
            Optional<ResultReason> reason = f.enumeration(Tag.RESULT_REASON, ResultReason.FAMILY);
            Optional<String> text = f.text(Tag.RESULT_MESSAGE);
            f.any(Tag.ASYNCHRONOUS_CORRELATION_VALUE);
            Optional<ResponsePayload> payload = f.struct(Tag.RESPONSE_PAYLOAD)
                    .map(p -> registry.readResponse(op.orElse(0), p, version));
            List<Structure> extensions = f.structs(Tag.MESSAGE_EXTENSION);
            if (status == ResultStatus.OPERATION_FAILED && reason.isEmpty()) {
                throw f.invalid("Result Reason is required when Result Status is Operation Failed");
            }
            items.add(new ResponseBatchItem(op, id, status, reason, text, payload, extensions));
        }
        var header = new ResponseHeader(version, timeStamp, clientCorrelation, serverCorrelation, passThrough);
        return new ResponseMessage(header, items);
    }

    /** Writes a Response Message tree in the header's protocol version. */
    public Structure write(ResponseMessage message) {
        ResponseHeader h = message.header();
        ProtocolVersion v = h.protocolVersion();
        Structure header = Builder.of(Tag.RESPONSE_HEADER).item(Versions.write(v))
                .dateTime(Tag.TIME_STAMP, Optional.of(h.timeStamp()))
                .items(h.passThrough())
                .text(Tag.CLIENT_CORRELATION_VALUE, h.clientCorrelationValue())
                .text(Tag.SERVER_CORRELATION_VALUE, h.serverCorrelationValue())
                .integer(Tag.BATCH_COUNT, message.batchItems().size()).build();
        Builder root = Builder.of(Tag.RESPONSE_MESSAGE).item(header);
        for (ResponseBatchItem item : message.batchItems()) {
            Builder b = Builder.of(Tag.BATCH_ITEM);
            item.operationCode().ifPresent(op -> b.item(new Ttlv.Enumeration(Tag.OPERATION, op)));
            root.item(b.bytes(Tag.UNIQUE_BATCH_ITEM_ID, item.uniqueBatchItemId())
                    .enumeration(Tag.RESULT_STATUS, item.resultStatus())
                    .enumeration(Tag.RESULT_REASON, item.resultReason())
                    .text(Tag.RESULT_MESSAGE, item.resultMessage())
                    .item(item.payload().map(p -> p.toTtlv(v)))
                    .items(item.messageExtensions()).build());
        }
        return root.build();
    }

    private static void requireTag(Ttlv root, Tag expected) {
        if (!(root instanceof Structure) || !root.tag().equals(expected)) {
            throw invalidMessage("expected a " + expected.specName() + " structure, got " + root.tag() + " " + root.type().specName());
        }
    }

    private static void checkCount(int batchCount, int items) {
        if (items == 0) {
            throw invalidMessage("message has no Batch Item");
        }
        if (batchCount != items) {
            throw invalidMessage("Batch Count " + batchCount + " but " + items + " Batch Items");
        }
    }

    private static KmipException invalidMessage(String message) {
        return new KmipException(ResultReason.INVALID_MESSAGE, message);
    }
}
