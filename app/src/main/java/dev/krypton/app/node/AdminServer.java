package dev.krypton.app.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.krypton.app.AppException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin HTTP listener (JDK {@code com.sun.net.httpserver}), bound to localhost by default:
 * {@code /healthz} (the process answers), {@code /readyz} (revocations confirmed within
 * {@code cluster.revocation-staleness} and storage reached by the node's last cluster poll: read from
 * memory, so it answers at once, 503 while the node refuses, even when the store hangs),
 * {@code /metrics} (Prometheus text format 0.0.4), {@code /status} (JSON) and
 * {@code /status/startup} (only the start-up re-unseal section: cheap to poll, it reads no
 * storage). GET only.
 */
final class AdminServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private AdminServer(String host, int port, NodeStatus status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(threads);
        server.createContext("/healthz", ex -> answer(ex, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", ex -> {
            boolean reachable = status.storageReachable();
            boolean serving = status.serving();
            answer(ex, reachable && serving ? 200 : 503, "text/plain", !reachable ? "not ready: storage not reached by the last polls\n"
                    : serving ? "ready\n" : "not ready: revocations not confirmed within cluster.revocation-staleness\n");
        });
        server.createContext("/metrics", ex -> answer(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                Metrics.render(status)));
        server.createContext("/status", ex -> answer(ex, 200, "application/json", json(status.document())));
        server.createContext("/status/startup", ex -> answer(ex, 200, "application/json", json(status.startupSection())));
        server.start();
    }

    static AdminServer start(String host, int port, NodeStatus status) {
        try {
            return new AdminServer(host, port, status);
        } catch (IOException e) {
            throw AppException.failure("cannot start the admin HTTP listener on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String json(Object document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw AppException.failure("cannot render the status document", e);
        }
    }

    private static void answer(HttpExchange ex, int code, String type, String body) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET")) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
