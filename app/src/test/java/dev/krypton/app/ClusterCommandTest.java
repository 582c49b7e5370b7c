package dev.krypton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code krypton cluster nodes|forget} on a real SQLite store: a node that confirmed the store
 * within its bound is alive and cannot be forgotten without --force; a silent one is forgotten
 * with its watermarks; an unknown node is a failure.
 */
class ClusterCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /**
     * A node's configuration file with {@code storage}; the other required settings name files that
     * need not exist, since these commands read only the storage section.
     */
    private static Path nodeConfig(Path dir, String storage) throws Exception {
        return Files.writeString(dir.resolve("krypton.yaml"), storage + """
                policy:
                  file: /nonexistent/policy.yaml
                tls:
                  certificate: /nonexistent/server.pem
                  private-key: /nonexistent/server.key
                  client-ca: /nonexistent/ca.pem
                """);
    }

    @Test
    void listsNodesAndForgetsOnlySilentOnesUnlessForced(@TempDir Path dir) throws Exception {
        StorageConfig storage = new StorageConfig("sqlite", Map.of("path", dir.resolve("krypton.db").toString()));
        Path config = nodeConfig(dir, "storage:\n  backend: sqlite\n  settings:\n    path: " + dir.resolve("krypton.db") + "\n");
        Instant now = Instant.now();
        try (Storage s = StorageProviders.open(storage)) {
            s.heartbeats().beat(new NodeHeartbeat("eu-1", now, 7, Duration.ofMinutes(5)));
            s.heartbeats().beat(new NodeHeartbeat("eu-2", now.minus(Duration.ofMinutes(20)), 5, Duration.ofSeconds(5)));
            s.heartbeats().beat(new NodeHeartbeat("eu-3", now, 6, Duration.ZERO));
            s.heartbeats().applied("eu-1", Map.of("acme", 7L));
            s.heartbeats().applied("eu-2", Map.of("acme", 5L));
        }

        assertThat(run("cluster", "nodes", "--config", config.toString())).as(err::toString).isZero();
        assertThat(out.toString()).containsPattern("eu-1 .* 7 alive").containsPattern("eu-2 .* 5 silent")
                .containsPattern("eu-3 .*unbounded .* 6 alive");

        assertThat(run("cluster", "nodes", "--config", config.toString(), "--json")).isZero();
        JsonNode nodes = new ObjectMapper().readTree(out.toString());
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(1).get("nodeId").asText()).isEqualTo("eu-2");
        assertThat(nodes.get(1).get("alive").asBoolean()).isFalse();
        assertThat(nodes.get(1).get("revocationStalenessMs").asLong()).isEqualTo(5000);
        assertThat(nodes.get(0).get("alive").asBoolean()).isTrue();

        assertThat(run("cluster", "forget", "eu-2", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("forgot node eu-2");
        assertThat(run("cluster", "forget", "eu-1", "--config", config.toString())).as("alive: refused").isEqualTo(2);
        assertThat(err.toString()).contains("node eu-1").contains("looks alive").contains("--force");
        assertThat(run("cluster", "forget", "eu-3", "--config", config.toString())).as("unbounded, just seen").isEqualTo(2);
        assertThat(run("cluster", "forget", "nobody", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no node nobody");
        try (Storage s = StorageProviders.open(storage)) {
            assertThat(s.heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("eu-1", "eu-3");
            assertThat(s.heartbeats().appliedBy("acme")).isEqualTo(Map.of("eu-1", 7L));
        }

        assertThat(run("cluster", "forget", "eu-1", "--config", config.toString(), "--force")).isZero();
        try (Storage s = StorageProviders.open(storage)) {
            assertThat(s.heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("eu-3");
            assertThat(s.heartbeats().appliedBy("acme")).isEmpty();
        }
    }

    @Test
    void aBadStorageSectionIsAUsageError(@TempDir Path dir) throws Exception {
        Path config = nodeConfig(dir, "storage:\n  backend: nosuchdb\n");
        assertThat(run("cluster", "nodes", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nosuchdb");
    }
}
