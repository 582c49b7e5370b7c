package dev.krypton.rootkey.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Cloud KMS speaking its REST wire protocol for the two calls used:
 * {@code POST /v1/{cryptoKey}:encrypt} and {@code :decrypt} with a bearer token, base64 fields,
 * additionalAuthenticatedData, version names in responses and google.rpc error bodies
 * ({@code {"error": {"code", "message", "status"}}}) with Cloud KMS's codes and messages.
 * It is not Cloud KMS: no IAM beyond a token-to-keys allow list, fake ciphertext format.
 */
final class FakeCloudKms implements AutoCloseable {

    private final HttpServer server;
    final CloudKeys keys = new CloudKeys();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private volatile int forcedCode;
    private volatile String forcedStatus = "";
    private volatile CountDownLatch hang = new CountDownLatch(0);

    FakeCloudKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void allow(String token, String... keyNames) {
        tokens.put(token, ConcurrentHashMap.newKeySet());
        tokens.get(token).addAll(Set.of(keyNames));
    }

    void revoke(String token, String keyName) {
        tokens.get(token).remove(keyName);
    }

    void force(int code, String status) {
        forcedCode = code;
        forcedStatus = status;
    }

    void hang() {
        hang = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            hang.await();
            Map<String, String> body = fields(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath().substring("/v1/".length());
            int colon = path.lastIndexOf(':');
            String key = colon < 0 ? path : path.substring(0, colon);
            String method = colon < 0 ? "" : path.substring(colon + 1);
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            CloudKeys.Answer answer;
            if (forcedCode != 0) {
                answer = CloudKeys.error(forcedCode, forcedStatus, "forced by test");
            } else if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
                answer = CloudKeys.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            } else if (!tokens.get(auth.substring(7)).contains(key)) {
                answer = CloudKeys.error(403, "PERMISSION_DENIED", "Permission 'cloudkms.cryptoKeyVersions.useTo"
                        + (method.equals("encrypt") ? "Encrypt" : "Decrypt") + "' denied on resource '" + key + "' (or it may not exist).");
            } else {
                answer = switch (method) {
                    case "encrypt" -> keys.encrypt(key, body);
                    case "decrypt" -> keys.decrypt(key, body);
                    default -> CloudKeys.error(404, "NOT_FOUND", "Method not found.");
                };
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.code(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> fields(byte[] body) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = GcpKmsClient.JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, p.getValueAsString());
                    p.skipChildren();
                }
            }
        }
        return fields;
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
