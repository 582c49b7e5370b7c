package dev.krypton.rootkey.azure;

import com.fasterxml.jackson.core.Base64Variants;
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
 * A local stand-in for Azure Key Vault speaking its REST wire protocol for the two key operations
 * used: {@code POST /keys/{name}[/{version}]/wrapkey|unwrapkey?api-version=7.4} with a bearer token,
 * {@code {"alg", "value"}} bodies in base64url, {@code kid} in responses, and Key Vault error bodies
 * ({@code {"error": {"code", "message"}}}) with its status codes. RSA-OAEP-256 only (real RSA-2048
 * keys through JCE). It is not Key Vault: no RBAC or access policies beyond a token allow list.
 */
final class FakeKeyVault implements AutoCloseable {

    private final HttpServer server;
    final VaultKeys keys = new VaultKeys();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private volatile int forcedStatus;
    private volatile String forcedCode = "";
    private volatile CountDownLatch hang = new CountDownLatch(0);

    FakeKeyVault() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/keys/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void allow(String token, String... keyNames) {
        tokens.put(token, ConcurrentHashMap.newKeySet());
        tokens.get(token).addAll(Set.of(keyNames));
    }

    void force(int status, String code) {
        forcedStatus = status;
        forcedCode = code;
    }

    void hang() {
        hang = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            hang.await();
            Map<String, String> body = fields(exchange.getRequestBody().readAllBytes());
            String[] path = exchange.getRequestURI().getPath().substring("/keys/".length()).split("/");
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            VaultKeys.Answer answer;
            if (forcedStatus != 0) {
                answer = VaultKeys.error(forcedStatus, forcedCode, "forced by test");
            } else if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
                answer = VaultKeys.error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
            } else if (!query.equals("api-version=" + AzureConfig.API_VERSION) || path.length < 2 || path.length > 3) {
                answer = VaultKeys.error(400, "BadParameter", "The request URI contains an invalid name or api-version.");
            } else if (!tokens.get(auth.substring(7)).contains(path[0])) {
                answer = VaultKeys.error(403, "Forbidden", "The user, group or application does not have keys "
                        + path[path.length - 1] + " permission on key vault.");
            } else {
                String version = path.length == 3 ? path[1] : "";
                String base = url() + "/keys/" + path[0] + "/";
                answer = switch (path[path.length - 1]) {
                    case "wrapkey" -> keys.wrap(base, path[0], version, body);
                    case "unwrapkey" -> keys.unwrap(base, path[0], version, body);
                    default -> VaultKeys.error(405, "MethodNotAllowed", "Unsupported operation.");
                };
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> fields(byte[] body) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = AzureClient.JSON.createParser(body)) {
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

    static byte[] decode(String base64url) {
        return Base64Variants.MODIFIED_FOR_URL.decode(base64url);
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
