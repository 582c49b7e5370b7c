package dev.krypton.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.policy.PolicyParser;
import dev.krypton.kmip.server.IdentityRule;
import dev.krypton.kmip.server.ServerConfig;
import dev.krypton.kmip.server.TlsConfig;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two production-wired nodes ({@link Node}) on one real PostgreSQL store, each with its own node
 * id, state folder and listeners: both write heartbeats, an unlink sent to one node is DONE with
 * the propagation time, and both report themselves serving on /readyz and /status.
 */
class ClusterNodesTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static NodePlan plan(Path dir, DevPki pki, StorageConfig storage, String nodeId) {
        TlsConfig tls = TlsConfig.of(PemIdentity.keyStore(pki.cert(DevPki.SERVER), pki.key(DevPki.SERVER)),
                PemIdentity.PASSWORD, PemIdentity.certificates(pki.ca()));
        return NodePlan.builder()
                .storage(storage)
                .rootKeys(List.of(new DevRootKeys(dir.resolve("root-keys"))))
                .policy(PolicyParser.parse("upstream: true\n"))
                .audit(dir.resolve(nodeId).resolve("audit.log"), dir.resolve(nodeId).resolve("audit"))
                .kmip(ServerConfig.of("127.0.0.1", 0, tls, new IdentityRule.SubjectCn()))
                .grpc(new GrpcConfig("127.0.0.1", 0, pki.cert(DevPki.SERVER), pki.key(DevPki.SERVER), pki.ca(),
                        Set.of(DevPki.ORBITAL)))
                .cluster(ClusterOptions.of(NodeIdentity.resolve(nodeId, dir)).withPollInterval(Duration.ofMillis(200))
                        .withStaleness(Duration.ofSeconds(5)))
                .build();
    }

    private static TaskResponse send(Node node, DevPki pki, String type, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("grpc", "--host", "127.0.0.1", "--port",
                Integer.toString(node.grpcPort()), "--ca", pki.ca().toString(), "--cert", pki.cert(DevPki.ORBITAL).toString(),
                "--key", pki.key(DevPki.ORBITAL).toString(), "--type", type, "--tenant", "acme"));
        args.addAll(List.of(more));
        return TaskClient.run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> get(Node node, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void twoNodesShareOneStoreAndAnUnlinkIsDoneWithItsPropagationTime(@TempDir Path dir) throws Exception {
        String database = "krypton_app_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        admin("CREATE DATABASE " + database);
        try {
            StorageConfig storage = new StorageConfig("postgres", Map.of("url", SERVER + database, "user", "postgres",
                    "sslmode", "disable", "pool-size", "4"));
            DevPki pki = DevPki.init(dir.resolve("pki"));
            java.nio.file.Files.createDirectories(dir.resolve("root-keys"));
            try (Node one = Node.start(plan(dir, pki, storage, "eu-1"));
                 Node two = Node.start(plan(dir, pki, storage, "eu-2"))) {
                TaskResponse linked = send(one, pki, "SYSTEM_LINK", "--provider", "local", "--key-id", "acme-root");
                assertThat(linked.getStatus()).as(linked.getErrorMessage()).isEqualTo(TaskStatus.DONE);
                TaskResponse unlinked = send(two, pki, "SYSTEM_UNLINK");
                assertThat(unlinked.getStatus()).as(unlinked.getErrorMessage()).isEqualTo(TaskStatus.DONE);
                assertThat(unlinked.getMetaDataMap()).containsKey("krypton-propagation-ms");
                assertThat(Long.parseLong(unlinked.getMetaDataMap().get("krypton-propagation-ms"))).isNotNegative();

                try (Storage view = StorageProviders.open(storage)) {
                    assertThat(view.heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("eu-1", "eu-2");
                    long generation = view.tenant("acme").orElseThrow().generation();
                    assertThat(view.heartbeats().appliedBy("acme")).as("node one applied the unlink before DONE")
                            .containsEntry("eu-1", generation);
                }
                for (Node n : List.of(one, two)) {
                    assertThat(get(n, "/readyz").statusCode()).isEqualTo(200);
                    assertThat(get(n, "/status").body()).contains("\"serving\" : true");
                    assertThat(get(n, "/metrics").body()).contains("krypton_cluster_serving 1");
                }
                assertThat(get(one, "/status").body()).contains("\"nodeId\" : \"eu-1\"");

                Path config = java.nio.file.Files.writeString(dir.resolve("krypton.yaml"), """
                        storage:
                          backend: postgres
                          settings:
                            url: %s
                            user: postgres
                            sslmode: disable
                        policy:
                          file: unused.yaml
                        tls:
                          certificate: unused.pem
                          private-key: unused.key
                          client-ca: unused-ca.pem
                        """.formatted(SERVER + database));
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                assertThat(dev.krypton.app.Main.run(new String[] {"cluster", "nodes", "--config", config.toString()},
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))).as(err::toString).isZero();
                assertThat(out.toString()).containsPattern("eu-1 .* alive").containsPattern("eu-2 .* alive");
                assertThat(dev.krypton.app.Main.run(new String[] {"cluster", "forget", "eu-2", "--config", config.toString()},
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)))
                        .as("a running node is not forgotten without --force").isEqualTo(2);
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
