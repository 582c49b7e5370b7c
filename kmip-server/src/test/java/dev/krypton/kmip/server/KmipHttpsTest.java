package dev.krypton.kmip.server;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Create;
import dev.krypton.kmip.payload.Query;
import dev.krypton.kmip.payload.StandardPayloads;
import dev.krypton.kmip.text.KmipJson;
import dev.krypton.kmip.text.KmipXml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code POST /kmip} over HTTPS: TTLV, TTLV-JSON and XML bodies, mutual TLS, identity, limits, the OASIS MSGENC cases. */
class KmipHttpsTest {

    private static final int MAX_BYTES = 16 * 1024;
    private static final MessageCodec CODEC = StandardPayloads.messageCodec();
    private static ServerFixture fixture;
    private static URI endpoint;
    private static HttpClient acme;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(c -> c.withLimits(c.limits().withDecode(new DecodeLimits(MAX_BYTES, 32, 4096))));
        KmipHttps https = fixture.server.serveHttps("127.0.0.1", 0);
        assertThat(fixture.server.httpsPort()).hasValue(https.port());
        endpoint = URI.create("https://localhost:" + https.port() + KmipHttps.PATH);
        acme = client(Optional.of(fixture.pki.client("acme")));
    }

    @AfterAll
    static void stop() {
        acme.close();
        fixture.close();
    }

    @Test
    void ttlvBodyIsAnsweredInTtlvWithThePrincipalOfTheClientCertificate() throws Exception {
        RequestMessage create = RequestMessage.of(ProtocolVersion.V1_4, new Create.Request(ObjectType.SYMMETRIC_KEY,
                Attributes.of(Attribute.name("http-kek"), Attribute.objectGroup("kek"))));
        HttpResponse<byte[]> r = post(acme, "application/octet-stream", ttlv(create));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        ResponseMessage answer = CODEC.readResponse((Ttlv.Structure) TtlvDecoder.decode(r.body()));
        ResponseBatchItem item = answer.batchItems().getFirst();
        assertThat(item.isSuccess()).as(item.toString()).isTrue();
        assertThat(((Create.Response) item.payload().orElseThrow()).uniqueIdentifier()).isEqualTo("acme:http-kek:1");
    }

    @Test
    void jsonBodyIsAnsweredInJson() throws Exception {
        RequestMessage query = RequestMessage.of(ProtocolVersion.V1_4, new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS)));
        String json = KmipJson.encode(CODEC.write(query));
        HttpResponse<byte[]> r = post(acme, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"ResponseMessage\"", "\"Success\"", "\"Decrypt\"");
        ResponseMessage answer = CODEC.readResponse((Ttlv.Structure) KmipJson.decode(body));
        assertThat(((Query.Response) answer.batchItems().getFirst().payload().orElseThrow()).operations())
                .contains(Operation.CREATE, Operation.ENCRYPT);
    }

    @Test
    void malformedJsonIsAnsweredWithAKmipFailureInJson() throws Exception {
        HttpResponse<byte[]> r = post(acme, "application/json", "{\"tag\": \"RequestMessage\", \"value\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        ResponseMessage answer = CODEC.readResponse((Ttlv.Structure) KmipJson.decode(new String(r.body(), StandardCharsets.UTF_8)));
        assertThat(answer.batchItems().getFirst().resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(answer.batchItems().getFirst().resultReason()).hasValue(ResultReason.INVALID_MESSAGE);
    }

    @Test
    void clientWithoutCertificateIsRefusedInTheHandshake() {
        try (HttpClient anonymous = client(Optional.empty())) {
            assertThatThrownBy(() -> post(anonymous, "application/octet-stream", new byte[8])).isInstanceOf(IOException.class);
        }
    }

    @Test
    void certificateOfAnotherCaIsRefused() {
        TestPki other = new TestPki("other-ca");
        try (HttpClient stranger = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.clientContext(Optional.of(other.client("acme")), fixture.pki.ca())).build()) {
            assertThatThrownBy(() -> post(stranger, "application/octet-stream", new byte[8])).isInstanceOf(IOException.class);
        }
    }

    @Test
    void otherContentTypeIs415AndNothingIsDone() throws Exception {
        RequestMessage create = RequestMessage.of(ProtocolVersion.V1_4, new Create.Request(ObjectType.SYMMETRIC_KEY,
                Attributes.of(Attribute.name("never-made"), Attribute.objectGroup("kek"))));
        HttpResponse<byte[]> r = post(acme, "text/plain", ttlv(create));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(fixture.client("acme").locate(Attributes.of(Attribute.name("never-made")))).isEmpty();
    }

    @Test
    void bodyOverTheMessageLimitIs413() throws Exception {
        assertThat(post(acme, "application/octet-stream", new byte[MAX_BYTES + 1]).statusCode()).isEqualTo(413);
        assertThat(post(acme, "application/json", new byte[MAX_BYTES + 1]).statusCode()).isEqualTo(413);
    }

    @Test
    void onlyPostOnKmipIsServed() throws Exception {
        HttpResponse<String> get = acme.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> other = acme.send(HttpRequest.newBuilder(endpoint.resolve("/kmipx"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8])).header("Content-Type", "application/octet-stream")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    /** The body encodings of the MSGENC profiles: TTLV (HTTPS profile), JSON and XML. */
    private enum Encoding {
        TTLV("application/octet-stream"), JSON("application/json"), XML("text/xml");

        final String mediaType;

        Encoding(String mediaType) {
            this.mediaType = mediaType;
        }

        byte[] encode(Ttlv message) {
            return switch (this) {
                case TTLV -> TtlvEncoder.encode(message);
                case JSON -> KmipJson.encode(message).getBytes(StandardCharsets.UTF_8);
                case XML -> KmipXml.encode(message).getBytes(StandardCharsets.UTF_8);
            };
        }

        Ttlv decode(byte[] body) {
            return switch (this) {
                case TTLV -> TtlvDecoder.decode(body);
                case JSON -> KmipJson.decode(new String(body, StandardCharsets.UTF_8));
                case XML -> KmipXml.decode(new String(body, StandardCharsets.UTF_8));
            };
        }
    }

    @Test
    void oasisMsgencHttpsCasesReplayOverTtlv() throws Exception {
        replay("v1.4", "MSGENC-HTTPS-M-1-14.xml", Encoding.TTLV);
        replay("v2.1", "MSGENC-HTTPS-M-1-21.xml", Encoding.TTLV);
    }

    @Test
    void oasisMsgencJsonCasesReplayOverJson() throws Exception {
        replay("v1.4", "MSGENC-JSON-M-1-14.xml", Encoding.JSON);
        replay("v2.1", "MSGENC-JSON-M-1-21.xml", Encoding.JSON);
    }

    @Test
    void oasisMsgencXmlCasesReplayOverXml() throws Exception {
        replay("v1.4", "MSGENC-XML-M-1-14.xml", Encoding.XML);
        replay("v2.1", "MSGENC-XML-M-1-21.xml", Encoding.XML);
    }

    @Test
    void xmlBodiesAreAnsweredInXmlAndTimedInTheRequestMetrics() throws Exception {
        assertThat(timed("DiscoverVersions")).as("no other test here sends Discover Versions").isZero();
        HttpResponse<byte[]> discovered = post(acme, "text/xml", KmipXml.encode(CODEC.write(RequestMessage.of(
                ProtocolVersion.V1_4, new dev.krypton.kmip.payload.DiscoverVersions.Request(List.of())))).getBytes(StandardCharsets.UTF_8));
        assertThat(discovered.statusCode()).isEqualTo(200);
        assertThat(timed("DiscoverVersions")).as("the HTTPS message is timed in the request metrics").isEqualTo(1);
        RequestMessage query = RequestMessage.of(ProtocolVersion.V1_4, new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS)));
        HttpResponse<byte[]> r = post(acme, "application/xml", KmipXml.encode(CODEC.write(query)).getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("<ResponseMessage>", "Success");
        ResponseMessage answer = CODEC.readResponse((Ttlv.Structure) KmipXml.decode(body));
        assertThat(((Query.Response) answer.batchItems().getFirst().payload().orElseThrow()).operations())
                .contains(Operation.CREATE, Operation.ENCRYPT);

        HttpResponse<byte[]> bad = post(acme, "text/xml", "<RequestMessage><RequestHeader>".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(200);
        ResponseMessage failed = CODEC.readResponse((Ttlv.Structure) KmipXml.decode(new String(bad.body(), StandardCharsets.UTF_8)));
        assertThat(failed.batchItems().getFirst().resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    }

    /**
     * How many messages of {@code operation} the request-duration histogram has seen, once the
     * count holds still (the server records a message just after it has sent the answer).
     */
    private static long timed(String operation) throws InterruptedException {
        long seen = -1;
        for (long now = count(operation); now != seen; now = count(operation)) {
            seen = now;
            Thread.sleep(100);
        }
        return seen;
    }

    private static long count(String operation) {
        return fixture.server.metrics().latencies().stream().filter(l -> l.operation().equals(operation))
                .mapToLong(RequestMetrics.Latency::count).sum();
    }

    /**
     * Sends each request of the case as written and compares the answer with the expected one:
     * protocol version, result status and reason of every item. A successful Query must name the
     * core operations and the Symmetric Key type; the 1.4 cases list the whole KMIP 1.4 catalogue,
     * so every operation and object type named must be among them, while the 2.1 cases list what
     * the reference server implemented (no Set Attribute or Interop, and Log in only two of the
     * three files), so there only the object types are compared that way.
     */
    private static void replay(String version, String file, Encoding encoding) throws Exception {
        Path source = Path.of("src", "test", "resources", "kmip-testcases", version);
        String xml = Files.readString(source.resolve(file)).replace("$NOW", Instant.now().toString().replaceAll("\\.\\d+", ""));
        List<Ttlv> messages = KmipXml.decodeSequence(xml, DecodeLimits.DEFAULT);
        assertThat(messages).hasSize(4);
        for (int i = 0; i < messages.size(); i += 2) {
            Ttlv request = messages.get(i);
            ResponseMessage expected = CODEC.readResponse((Ttlv.Structure) messages.get(i + 1));
            HttpResponse<byte[]> r = post(acme, encoding.mediaType, encoding.encode(request));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(encoding.mediaType);
            ResponseMessage actual = CODEC.readResponse((Ttlv.Structure) encoding.decode(r.body()));
            String where = file + " message " + i / 2;
            assertThat(actual.header().protocolVersion()).as(where).isEqualTo(expected.header().protocolVersion());
            assertThat(actual.batchItems()).as(where).hasSameSizeAs(expected.batchItems());
            for (int b = 0; b < expected.batchItems().size(); b++) {
                ResponseBatchItem want = expected.batchItems().get(b);
                ResponseBatchItem got = actual.batchItems().get(b);
                assertThat(got.resultStatus()).as(where).isEqualTo(want.resultStatus());
                assertThat(got.resultReason()).as(where).isEqualTo(want.resultReason());
                if (want.payload().orElse(null) instanceof Query.Response q) {
                    Query.Response g = (Query.Response) got.payload().orElseThrow();
                    assertThat(g.operations()).as(where).contains(Operation.QUERY, Operation.CREATE, Operation.GET,
                            Operation.LOCATE, Operation.DESTROY, Operation.ENCRYPT, Operation.DECRYPT);
                    if (version.equals("v1.4")) {
                        assertThat(g.operations()).as(where).isSubsetOf(q.operations());
                    }
                    assertThat(g.objectTypes()).as(where).contains(ObjectType.SYMMETRIC_KEY).isSubsetOf(q.objectTypes());
                }
            }
        }
    }

    private static byte[] ttlv(RequestMessage message) {
        return TtlvEncoder.encode(CODEC.write(message));
    }

    private static HttpClient client(Optional<TestPki.Issued> certificate) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .sslContext(TestPki.clientContext(certificate, fixture.pki.ca())).build();
    }

    private static HttpResponse<byte[]> post(HttpClient client, String type, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
