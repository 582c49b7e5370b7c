package dev.krypton.rootkey.vault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for Vault's transit engine, speaking its HTTP wire protocol for the calls the
 * provider uses: {@code POST /v1/transit/encrypt/:name} and {@code /decrypt/:name} with
 * {@code X-Vault-Token}, {@code {"data": {...}}} success bodies, {@code {"errors": [...]}} error
 * bodies with Vault's messages and status codes, {@code vault:vN:} ciphertexts, key versions and
 * {@code min_decryption_version}. Keys behave as {@code derived=true} keys: the context is bound
 * (as AES-GCM AAD here, where Vault derives a per-context key; the effect on the wire is the same).
 * It is not Vault: no auth methods, leases or policies beyond a token-to-keys allow list.
 */
final class FakeTransitServer implements AutoCloseable {

    private final HttpServer server;
    final TransitKeys keys = new TransitKeys();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int forcedStatus;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    FakeTransitServer() throws IOException {
        this(Optional.empty());
    }

    /** Over HTTPS with {@code tls} when present. */
    FakeTransitServer(Optional<SSLContext> tls) throws IOException {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(any, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(any, 0);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/transit/", this::handle);
        server.start();
    }

    URI address() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code token} may use exactly {@code keyNames}. */
    void allow(String token, String... keyNames) {
        tokens.put(token, ConcurrentHashMap.newKeySet());
        tokens.get(token).addAll(List.of(keyNames));
    }

    void revoke(String token, String keyName) {
        tokens.get(token).remove(keyName);
    }

    /** Every later request answers with {@code status} and Vault's error body for it (0 = normal). */
    void forceStatus(int status) {
        forcedStatus = status;
    }

    void hang() {
        hang = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            hang.await();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> fields = fields(body);
            fields.put("$path", exchange.getRequestURI().getPath());
            fields.put("$namespace", String.valueOf(exchange.getRequestHeaders().getFirst("X-Vault-Namespace")));
            requests.add(fields);
            if (forcedStatus != 0) {
                send(exchange, forcedStatus, errors(switch (forcedStatus) {
                    case 503 -> "Vault is sealed";
                    case 429 -> "request path \"transit/encrypt\": rate limit quota exceeded";
                    default -> "internal error";
                }));
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
            if (!"POST".equals(exchange.getRequestMethod()) || path.length != 5) {
                send(exchange, 405, errors("1 error occurred:\n\t* unsupported operation\n\n"));
                return;
            }
            String operation = path[3];
            String name = path[4];
            if (token == null || !tokens.getOrDefault(token, Set.of()).contains(name)) {
                send(exchange, 403, errors("1 error occurred:\n\t* permission denied\n\n"));
                return;
            }
            TransitKeys.Answer answer = switch (operation) {
                case "encrypt" -> keys.encrypt(name, fields);
                case "decrypt" -> keys.decrypt(name, fields);
                default -> new TransitKeys.Answer(405, errors("unsupported path"));
            };
            send(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String errors(String message) {
        return "{\"errors\":[\"" + message.replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"]}";
    }

    private static Map<String, String> fields(byte[] body) throws IOException {
        Map<String, String> fields = new HashMap<>();
        if (body.length == 0) {
            return fields;
        }
        try (JsonParser p = TransitClient.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, p.getValueAsString());
                p.skipChildren();
            }
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
