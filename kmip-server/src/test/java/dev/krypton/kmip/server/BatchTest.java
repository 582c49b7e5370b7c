package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.BatchErrorContinuationOption;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RawPayload;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Activate;
import dev.krypton.kmip.payload.Create;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.kmip.payload.Query;
import dev.krypton.kmip.payload.RngRetrieve;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several batch items per message: ID Placeholder, per-item results, Batch Error Continuation Option. */
class BatchTest {

    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static RequestMessage batch(BatchErrorContinuationOption option, List<RequestPayload> payloads) {
        RequestMessage m = RequestMessage.batch(ProtocolVersion.V1_4, payloads);
        return new RequestMessage(m.header().withBatchErrorContinuation(option), m.batchItems());
    }

    private static ResponseMessage raw(RequestMessage request) throws Exception {
        try (var socket = fixture.rawSocket(Optional.of(fixture.pki.client("acme")))) {
            return RawKmip.exchange(socket, request);
        }
    }

    private static final Create.Request CREATE = new Create.Request(ObjectType.SYMMETRIC_KEY, Attributes.of(
            Attribute.name("batched"), Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256)));
    private static final GetAttributes.Request MISSING = new GetAttributes.Request(Optional.of("acme:none:1"), List.of());

    @Test
    void createActivateGetAttributesChainThroughTheIdPlaceholder() {
        KmipClient client = fixture.client("acme").client();
        ResponseMessage r = client.send(RequestMessage.batch(ProtocolVersion.V1_4, List.of(CREATE,
                new Activate.Request(Optional.empty()), new GetAttributes.Request(Optional.empty(), List.of()))));
        assertThat(r.batchItems()).hasSize(3).allMatch(ResponseBatchItem::isSuccess);
        String uid = KmipClient.payloadOf(r.batchItems().get(0), Create.Response.class).uniqueIdentifier();
        var attributes = KmipClient.payloadOf(r.batchItems().get(2), GetAttributes.Response.class);
        assertThat(attributes.uniqueIdentifier()).isEqualTo(uid);
        assertThat(attributes.attributes().state()).contains(State.ACTIVE);
        assertThat(r.batchItems()).extracting(i -> i.uniqueBatchItemId().orElseThrow()).doesNotHaveDuplicates();
    }

    @Test
    void continueAnswersEveryItemWithItsOwnResult() throws Exception {
        ResponseMessage r = raw(batch(BatchErrorContinuationOption.CONTINUE, List.of(MISSING, new RngRetrieve.Request(8))));
        assertThat(r.batchItems()).hasSize(2);
        assertThat(r.batchItems().get(0).resultReason()).contains(ResultReason.ITEM_NOT_FOUND);
        assertThat(r.batchItems().get(1).isSuccess()).isTrue();
    }

    @Test
    void stopIsTheDefaultAndAnswersUpToTheFirstFailure() throws Exception {
        ResponseMessage r = raw(RequestMessage.batch(ProtocolVersion.V1_4, List.of(new RngRetrieve.Request(8), MISSING,
                new RngRetrieve.Request(8))));
        assertThat(r.batchItems()).hasSize(2);
        assertThat(r.batchItems().get(0).isSuccess()).isTrue();
        assertThat(r.batchItems().get(1).resultReason()).contains(ResultReason.ITEM_NOT_FOUND);
    }

    @Test
    void undoPutsBackWhatTheEarlierItemsDidAndAnswersThemUndone() throws Exception {
        var create = new Create.Request(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("undone"),
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(128)));
        ResponseMessage r = raw(batch(BatchErrorContinuationOption.UNDO, List.of(create, new Activate.Request(Optional.empty()),
                MISSING, new RngRetrieve.Request(8))));
        assertThat(r.batchItems()).hasSize(3);
        assertThat(r.batchItems().subList(0, 2)).allMatch(i -> i.resultStatus() == ResultStatus.OPERATION_UNDONE
                && i.payload().isPresent());
        assertThat(r.batchItems().get(2).resultReason()).contains(ResultReason.ITEM_NOT_FOUND);
        assertThat(fixture.client("acme").locate(Attributes.of(Attribute.name("undone")))).isEmpty();
    }

    @Test
    void undoRestoresTheStateAnActivateChanged() throws Exception {
        var acme = fixture.client("acme");
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("undo-activate"),
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(128))).uniqueIdentifier();
        ResponseMessage r = raw(batch(BatchErrorContinuationOption.UNDO, List.of(Activate.Request.of(uid), MISSING)));
        assertThat(r.batchItems().getFirst().resultStatus()).isEqualTo(ResultStatus.OPERATION_UNDONE);
        assertThat(acme.getAttributes(uid, List.of()).state()).contains(State.PRE_ACTIVE);
        acme.activate(uid);
        assertThat(acme.getAttributes(uid, List.of()).state()).contains(State.ACTIVE);
    }

    @Test
    void aKekChangeCannotBeUndoneAndStaysAnsweredAsDone() throws Exception {
        var kek = new Create.Request(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("undo-kek"), Attribute.objectGroup("kek")));
        ResponseMessage r = raw(batch(BatchErrorContinuationOption.UNDO, List.of(kek, MISSING)));
        assertThat(r.batchItems().getFirst().isSuccess()).isTrue();
        assertThat(r.batchItems().get(1).resultMessage().orElseThrow()).contains("could not be undone");
        assertThat(fixture.client("acme").locate(Attributes.of(Attribute.name("undo-kek")))).hasSize(1);
    }

    @Test
    void anOperationWithoutHandlerIsOperationNotSupported() {
        var unknown = new RawPayload(dev.krypton.kmip.Operation.OBTAIN_LEASE.value(), Ttlv.Structure.of(Tag.REQUEST_PAYLOAD));
        ResponseMessage r = fixture.client("acme").client().send(RequestMessage.of(ProtocolVersion.V1_4, unknown));
        assertThat(r.batchItems().getFirst().resultReason()).contains(ResultReason.OPERATION_NOT_SUPPORTED);
    }

    /** The server answers each message in the version the message asked for, whichever it is. */
    @Test
    void everyResponseCarriesTheProtocolVersionOfItsRequest() throws Exception {
        for (ProtocolVersion version : ProtocolVersion.SUPPORTED) {
            ResponseMessage r = raw(RequestMessage.of(version, new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS))));
            assertThat(r.header().protocolVersion()).as("request %s", version).isEqualTo(version);
            assertThat(r.batchItems().getFirst().resultStatus()).as("request %s", version).isEqualTo(ResultStatus.SUCCESS);
        }
    }
}
