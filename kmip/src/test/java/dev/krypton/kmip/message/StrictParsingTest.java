package dev.krypton.kmip.message;

import static dev.krypton.kmip.message.OasisCasesTest.bytes;
import static dev.krypton.kmip.message.OasisCasesTest.en;
import static dev.krypton.kmip.message.OasisCasesTest.request;
import static dev.krypton.kmip.message.OasisCasesTest.text;
import static dev.krypton.kmip.message.OasisCasesTest.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.payload.StandardPayloads;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Malformed messages give one KmipException with Invalid Message or Invalid Field and a clear message. */
class StrictParsingTest {
    private final MessageCodec codec = StandardPayloads.messageCodec();

    @Test
    void wrongRootTagIsInvalidMessage() {
        assertFails(() -> codec.readRequest(Structure.of(Tag.RESPONSE_MESSAGE)), ResultReason.INVALID_MESSAGE, "Request Message");
    }

    @Test
    void missingHeaderIsInvalidMessage() {
        assertFails(() -> codec.readRequest(Structure.of(Tag.REQUEST_MESSAGE, Structure.of(Tag.BATCH_ITEM))),
                ResultReason.INVALID_MESSAGE, "Request Header");
    }

    @Test
    void batchCountThatDisagreesWithItemsIsInvalidMessage() {
        Structure tree = Structure.of(Tag.REQUEST_MESSAGE,
                Structure.of(Tag.REQUEST_HEADER, version(1, 4), new Ttlv.IntegerItem(Tag.BATCH_COUNT, 2)),
                Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, Operation.ACTIVATE.value()), Structure.of(Tag.REQUEST_PAYLOAD)));
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_MESSAGE, "Batch Count 2 but 1");
    }

    @Test
    void severalItemsNeedDistinctBatchItemIds() {
        Structure item = Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, Operation.ACTIVATE.value()),
                bytes(Tag.UNIQUE_BATCH_ITEM_ID, "01"), Structure.of(Tag.REQUEST_PAYLOAD));
        Structure tree = Structure.of(Tag.REQUEST_MESSAGE,
                Structure.of(Tag.REQUEST_HEADER, version(1, 4), new Ttlv.IntegerItem(Tag.BATCH_COUNT, 2)), item, item);
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_MESSAGE, "duplicate Unique Batch Item ID");
    }

    @Test
    void wrongFieldTypeIsInvalidField() {
        Structure tree = request(1, 4, Operation.DECRYPT, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "k"), text(Tag.DATA, "not bytes")));
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_FIELD, "Data");
    }

    @Test
    void unknownFieldInARequestPayloadIsInvalidField() {
        Structure tree = request(1, 4, Operation.ACTIVATE, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "k"), new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1)));
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_FIELD, "unexpected BatchCount");
    }

    @Test
    void missingRequiredPayloadFieldIsInvalidField() {
        assertFails(() -> codec.readRequest(request(1, 4, Operation.RNG_RETRIEVE, Structure.of(Tag.REQUEST_PAYLOAD))),
                ResultReason.INVALID_FIELD, "missing required Data Length");
    }

    @Test
    void repeatedSingleFieldIsInvalidField() {
        Structure tree = request(1, 4, Operation.DESTROY, Structure.of(Tag.REQUEST_PAYLOAD,
                text(Tag.UNIQUE_IDENTIFIER, "a"), text(Tag.UNIQUE_IDENTIFIER, "b")));
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_FIELD, "more than once");
    }

    @Test
    void unknownEnumerationValueInATypedFieldIsInvalidField() {
        Structure tree = request(1, 4, Operation.CREATE, Structure.of(Tag.REQUEST_PAYLOAD, en(Tag.OBJECT_TYPE, 0x7777)));
        assertFails(() -> codec.readRequest(tree), ResultReason.INVALID_FIELD, "Object Type");
    }

    @Test
    void failedResponseItemWithoutReasonIsInvalidField() {
        Structure tree = Structure.of(Tag.RESPONSE_MESSAGE, Structure.of(Tag.RESPONSE_HEADER, version(1, 4),
                new Ttlv.DateTime(Tag.TIME_STAMP, 1L), new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1)),
                Structure.of(Tag.BATCH_ITEM, en(Tag.RESULT_STATUS, 1)));
        assertFails(() -> codec.readResponse(tree), ResultReason.INVALID_FIELD, "Result Reason is required");
    }

    @Test
    void unknownOperationPassesThroughAsRawPayloadUnchanged() {
        Structure payload = Structure.of(Tag.REQUEST_PAYLOAD, text(Tag.UNIQUE_IDENTIFIER, "k"), new Ttlv.IntegerItem(Tag.of(0x540001), 5));
        Structure tree = request(1, 4, Operation.ARCHIVE, payload);
        RequestMessage message = codec.readRequest(tree);
        assertThat(message.batchItems().getFirst().payload()).isEqualTo(new RawPayload(Operation.ARCHIVE.value(), payload));
        assertThat(codec.write(message)).isEqualTo(tree);
        Structure vendor = Structure.of(Tag.REQUEST_MESSAGE, tree.items().getFirst(),
                Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, 0x80000001), payload));
        assertThat(codec.readRequest(vendor).batchItems().getFirst().operationCode()).isEqualTo(0x80000001);
    }

    @Test
    void authenticationAndAsynchronousIndicatorAreAcceptedAndIgnored() {
        Structure tree = Structure.of(Tag.REQUEST_MESSAGE, Structure.of(Tag.REQUEST_HEADER, version(1, 4),
                        new Ttlv.BooleanItem(Tag.ASYNCHRONOUS_INDICATOR, false), Structure.of(Tag.AUTHENTICATION),
                        new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1)),
                Structure.of(Tag.BATCH_ITEM, en(Tag.OPERATION, Operation.ACTIVATE.value()), Structure.of(Tag.REQUEST_PAYLOAD)));
        assertThat(codec.readRequest(tree).header()).isEqualTo(RequestHeader.of(ProtocolVersion.V1_4));
    }

    private static void assertFails(ThrowingCallable call, ResultReason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
