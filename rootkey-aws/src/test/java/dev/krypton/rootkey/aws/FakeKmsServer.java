package dev.krypton.rootkey.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A local stand-in for AWS KMS speaking its JSON 1.1 wire protocol for the two calls the provider
 * uses: {@code POST /} with {@code X-Amz-Target: TrentService.Encrypt} / {@code TrentService.Decrypt},
 * {@code Content-Type: application/x-amz-json-1.1}, base64 blobs, EncryptionContext, and KMS error
 * bodies {@code {"__type": "...", "message": "..."}} with KMS's status codes. It checks that the
 * request is SigV4-signed with the expected access key id but does not verify the signature.
 * It is not KMS: no grants, aliases, key policies or real ciphertext format.
 */
final class FakeKmsServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final KmsKeys keys = new KmsKeys();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final String accessKeyId;
    private volatile String forcedError = "";
    private volatile int forcedStatus;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    FakeKmsServer(String accessKeyId) throws IOException {
        this.accessKeyId = accessKeyId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every later request fails with error {@code type} and HTTP {@code status} (status 0 = normal). */
    void force(int status, String type) {
        forcedStatus = status;
        forcedError = type;
    }

    void hang() {
        hang = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            hang.await();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            if (!type.startsWith("application/x-amz-json-1.1")) {
                send(exchange, 400, KmsKeys.error("SerializationException", "bad content type"));
            } else if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/")) {
                send(exchange, 400, KmsKeys.error("UnrecognizedClientException", "The security token included in the request is invalid."));
            } else if (forcedStatus != 0) {
                send(exchange, forcedStatus, KmsKeys.error(forcedError, "forced by test"));
            } else {
                KmsKeys.Answer answer = switch (target) {
                    case "TrentService.Encrypt" -> keys.encrypt(body);
                    case "TrentService.Decrypt" -> keys.decrypt(body);
                    default -> new KmsKeys.Answer(400, KmsKeys.error("UnknownOperationException", target));
                };
                send(exchange, answer.status(), answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    Map<String, String> lastContext() {
        return JSON.convertValue(requests.getLast().path("EncryptionContext"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
