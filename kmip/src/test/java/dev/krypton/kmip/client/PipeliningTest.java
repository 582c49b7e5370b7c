package dev.krypton.kmip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseHeader;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.RngRetrieve;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against an in-test TLS server that answers only after it has read a whole pipelined run. */
class PipeliningTest {
    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir);
    }

    /** Answers RNG Retrieve with {@code dataLength} bytes, so each answer names its request. */
    static ResponseMessage echoLength(RequestMessage r) {
        var items = r.batchItems().stream().map(i -> ResponseBatchItem.success(i,
                new RngRetrieve.Response(Bytes.wrap(new byte[((RngRetrieve.Request) i.payload()).dataLength()])))).toList();
        return new ResponseMessage(ResponseHeader.of(r.version(), Instant.now()), items);
    }

    @Test
    void pipelinedRequestsAreWrittenBeforeAnyAnswerAndAnsweredInOrder() throws Exception {
        try (var server = new FakeKmipServer(pki, 8, PipeliningTest::echoLength);
             var client = KmipClient.open(ClientConfig.of("localhost", server.port(), pki.clientTls()))) {
            List<RequestMessage> requests = IntStream.rangeClosed(1, 8)
                    .mapToObj(n -> RequestMessage.of(ProtocolVersion.V1_4, new RngRetrieve.Request(n))).toList();
            List<ResponseMessage> responses = client.pipeline(requests);
            assertThat(responses).extracting(m -> KmipClient.payloadOf(m.batchItems().getFirst(), RngRetrieve.Response.class).data().length())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(server.clientSubjects).singleElement().asString().contains("CN=client");
            assertThat(server.failures).isEmpty();
        }
    }

    @Test
    void batchesOfSeveralItemsKeepTheirIdsAndTheConnectionIsReused() throws Exception {
        try (var server = new FakeKmipServer(pki, 1, PipeliningTest::echoLength);
             var client = KmipClient.open(ClientConfig.of("127.0.0.1", server.port(), pki.clientTls()).withVersion(ProtocolVersion.V2_1))) {
            var batch = RequestMessage.batch(ProtocolVersion.V2_1, List.of(new RngRetrieve.Request(3), new RngRetrieve.Request(5)));
            ResponseMessage first = client.send(batch);
            assertThat(first.batchItems()).extracting(i -> i.uniqueBatchItemId().orElseThrow())
                    .containsExactly(batch.batchItems().get(0).uniqueBatchItemId().orElseThrow(),
                            batch.batchItems().get(1).uniqueBatchItemId().orElseThrow());
            assertThat(new KmipOperations(client).rngRetrieve(7).length()).isEqualTo(7);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void answerWithTheWrongNumberOfItemsIsRefusedAndTheConnectionDropped() throws Exception {
        try (var server = new FakeKmipServer(pki, 1, r -> new ResponseMessage(echoLength(r).header(),
                     echoLength(r).batchItems().subList(0, 1)));
             var client = KmipClient.open(ClientConfig.of("127.0.0.1", server.port(), pki.clientTls()))) {
            var batch = RequestMessage.batch(ProtocolVersion.V1_4, List.of(new RngRetrieve.Request(1), new RngRetrieve.Request(2)));
            assertThatThrownBy(() -> client.send(batch)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void serverWhoseCertificateIsNotFromTheTrustedCaIsRefused() throws Exception {
        Path otherDir = java.nio.file.Files.createDirectories(dir.resolve("other-ca"));
        TestPki other = TestPki.create(otherDir);
        try (var server = new FakeKmipServer(pki, 1, PipeliningTest::echoLength);
             var client = KmipClient.open(ClientConfig.of("127.0.0.1", server.port(),
                     TlsSettings.fromPem(pki.cert("client"), pki.key("client"), other.caCert())))) {
            assertThatThrownBy(() -> new KmipOperations(client).rngRetrieve(1)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.getMessage()).contains("cannot connect"));
            assertThat(server.clientSubjects).isEmpty();
        }
    }
}
