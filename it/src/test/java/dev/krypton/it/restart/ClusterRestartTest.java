package dev.krypton.it.restart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.it.TestPki;
import dev.krypton.it.cluster.ClusterDatabase;
import dev.krypton.it.cluster.NodeConfig;
import dev.krypton.it.cluster.NodeProcess;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.storage.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full restart: 10,000 linked tenants on PostgreSQL (own database), two real node
 * processes, every node killed with SIGKILL and started again; measured is the time from the
 * restart until both nodes report every tenant unsealed in {@code /status} and a sample of 100
 * tenants decrypts over KMIP on each node. Run once with the {@code local} provider and once with
 * {@code slow-local} (local plus 50 ms per call); the second run kills the nodes while they are
 * still unsealing. Numbers go to {@code target/restart.md}. The node count is fixed at two (a
 * 2-core machine); the tenant count can be lowered with {@code -Dkrypton.it.restart.tenants=N}.
 * Nodes, database and PKI come from the {@code dev.krypton.it.cluster} harness.
 */
class ClusterRestartTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String GATEWAY = "restart-gateway";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TENANTS = Integer.getInteger("krypton.it.restart.tenants", 10_000);
    private static final int SAMPLE_EVERY = Math.max(1, TENANTS / 100);
    private static final int NODES = 2;
    private static final String KEY_ID = "restart-root";
    /** A bound on how long a scenario may take before the test gives up; not a performance goal. */
    private static final long GIVE_UP_SECONDS = 240;

    /** What one scenario measured; times in milliseconds from the restart (process spawn). */
    private record Result(String label, List<Long> readyMillis, List<Long> unsealedMillis, List<Long> nodeElapsedMillis,
                          long servedMillis, int failed, String firstDecrypt) {
    }

    @Test
    void everyTenantServesAgainAfterAllNodesAreKilled(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), List.of(GATEWAY));
        Files.writeString(dir.resolve("policy.yaml"), "grants:\n  - principal: " + GATEWAY
                + "\n    tenants: ['*']\n    operations: [decrypt]\n");
        Path keys = Files.createDirectories(dir.resolve("root-keys"));
        try (ClusterDatabase db = ClusterDatabase.create()) {
            String slowDb = db.name() + "_slow";
            try {
                long seedStart = System.nanoTime();
                List<TenantSeeder.Sample> samples = TenantSeeder.seed(store(db.name()), keys, KEY_ID, TENANTS,
                        SAMPLE_EVERY, 16);
                long seedMillis = millisSince(seedStart);

                Result local = scenario("local", dir, pki, db.name(), samples, TENANTS);

                admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
                admin("CREATE DATABASE " + slowDb + " TEMPLATE " + db.name());
                sql(slowDb, "UPDATE " + ClusterDatabase.SCHEMA + ".tenants SET root_provider = '"
                        + SlowLocalRootKeyProvider.NAME + "'");
                Result slow = scenario("slow-local (+50 ms per call)", dir, pki, slowDb, samples, TENANTS / 4);

                report(seedMillis, samples.size(), List.of(local, slow));
                for (Result r : List.of(local, slow)) {
                    assertThat(r.failed()).as(r.label() + ": tenants that failed to unseal").isZero();
                }
            } finally {
                admin("DROP DATABASE IF EXISTS " + slowDb + " WITH (FORCE)");
            }
        }
    }

    /**
     * Starts the nodes, waits until {@code killAfter} tenants are unsealed on each, kills them all
     * with SIGKILL, starts them again and measures until every tenant serves on every node.
     */
    private Result scenario(String label, Path dir, TestPki pki, String db, List<TenantSeeder.Sample> samples,
                            int killAfter) throws Exception {
        List<NodeProcess> nodes = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            nodes.add(node(dir, pki, db, "node-" + n));
        }
        try {
            startAll(nodes, new ArrayList<>(), System.nanoTime());
            for (NodeProcess node : nodes) {
                awaitUnsealed(node, killAfter);
            }
        } finally {
            for (NodeProcess node : nodes) {
                node.kill();
            }
        }

        long restart = System.nanoTime();
        List<NodeProcess> after = nodes;
        try {
            List<Long> ready = new ArrayList<>();
            startAll(nodes, ready, restart);
            String firstDecrypt = attempt(pki, after.get(0), samples.get(samples.size() - 1));
            List<Long> unsealed = new ArrayList<>();
            List<Long> nodeElapsed = new ArrayList<>();
            int failed = 0;
            for (NodeProcess node : after) {
                JsonNode s = awaitUnsealed(node, TENANTS);
                unsealed.add(millisSince(restart));
                nodeElapsed.add(s.get("elapsedMillis").asLong());
                failed += s.get("failed").asInt();
            }
            for (NodeProcess node : after) {
                try (KmipClient client = client(pki, node)) {
                    KmipOperations ops = new KmipOperations(client);
                    for (TenantSeeder.Sample sample : samples) {
                        assertThat(decrypt(ops, sample).toByteArray()).as(label + " " + node + " " + sample.tenant())
                                .isEqualTo(sample.dek());
                    }
                }
            }
            return new Result(label, ready, unsealed, nodeElapsed, millisSince(restart), failed, firstDecrypt);
        } finally {
            for (NodeProcess node : after) {
                node.kill();
            }
        }
    }

    /** Starts the nodes in parallel; each one's time to ready (from {@code since}) is added to {@code ready}. */
    private static void startAll(List<NodeProcess> nodes, List<Long> ready, long since) throws Exception {
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> started = new ArrayList<>();
            for (NodeProcess n : nodes) {
                started.add(starters.submit(() -> {
                    n.start(java.time.Duration.ofSeconds(120));
                    return millisSince(since);
                }));
            }
            for (Future<Long> f : started) {
                ready.add(f.get());
            }
        }
    }

    /** Polls {@code /status} until {@code count} tenants are unsealed or nothing is pending any more. */
    private static JsonNode awaitUnsealed(NodeProcess node, int count) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = startup(node);
            assertThat(last.get("total").asInt()).as(node + " counts every ACTIVE tenant").isEqualTo(TENANTS);
            if (last.get("unsealed").asInt() >= count || last.get("complete").asBoolean()) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node + " did not unseal " + count + " tenants within " + GIVE_UP_SECONDS + " s: " + last);
    }

    /** The node's {@code /status/startup} (cheap: no storage read, unlike the full {@code /status}). */
    private static JsonNode startup(NodeProcess node) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort()
                + "/status/startup")).timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(node + " /status/startup").isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** One decrypt right after the listener came up: what a gateway sees during the re-unseal. */
    private static String attempt(TestPki pki, NodeProcess node, TenantSeeder.Sample sample) {
        try (KmipClient client = client(pki, node)) {
            byte[] out = decrypt(new KmipOperations(client), sample).toByteArray();
            return java.util.Arrays.equals(out, sample.dek()) ? "served" : "WRONG PLAINTEXT";
        } catch (KmipException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    private static Bytes decrypt(KmipOperations ops, TenantSeeder.Sample s) {
        return ops.decrypt(s.sealed().uid(), CryptographicParameters.aesGcm(16), Bytes.of(s.sealed().ciphertext()),
                Optional.of(Bytes.of(s.sealed().iv())), Optional.empty(), Optional.of(Bytes.of(s.sealed().tag())));
    }

    private static KmipClient client(TestPki pki, NodeProcess node) {
        return KmipClient.open(ClientConfig.of("localhost", node.kmipPort(), pki.clientTls(GATEWAY))
                .withVersion(ProtocolVersion.V1_4));
    }

    private static NodeProcess node(Path dir, TestPki pki, String db, String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        NodeConfig config = new NodeConfig()
                .set("storage.backend", "postgres")
                .set("storage.settings.url", SERVER + db)
                .set("storage.settings.user", "postgres")
                .set("storage.settings.sslmode", "disable")
                .set("storage.settings.schema", ClusterDatabase.SCHEMA)
                .set("storage.settings.pool-size", "8")
                .set("policy.file", dir.resolve("policy.yaml"))
                .set("root-keys.allow-local", "true")
                .set("root-keys.local-folder", dir.resolve("root-keys"))
                .set("audit.file", home.resolve("audit-" + db + ".log"))
                .set("audit.key-folder", home.resolve("audit"))
                .set("tls.certificate", pki.cert("server"))
                .set("tls.private-key", pki.key("server"))
                .set("tls.client-ca", pki.caCert())
                .set("kmip.port", "0")
                .set("orbital.grpc.port", "0")
                .set("admin.port", "0")
                .set("startup.unseal-parallelism", "32");
        return new NodeProcess(name, home, Files.writeString(home.resolve("krypton-" + db + ".yaml"), config.yaml()));
    }

    private static StorageConfig store(String db) {
        return new StorageConfig("postgres", Map.of("url", SERVER + db, "user", "postgres", "sslmode", "disable",
                "schema", "krypton", "pool-size", "16"));
    }

    private static void report(long seedMillis, int samples, List<Result> results) throws Exception {
        StringBuilder out = new StringBuilder("# Cluster restart measurement (ClusterRestartTest)\n\n")
                .append(String.format(Locale.ROOT, "%d tenants (each: L2 + one KEK) on PostgreSQL, %d node processes,"
                        + " start-up unseal parallelism 32, %d sample decrypts per node. Seeding took %d ms.%n%n",
                        TENANTS, NODES, samples, seedMillis))
                .append("All times in ms from the restart (process spawn after SIGKILL of every node).\n\n")
                .append("| provider | listeners ready | all unsealed (per node) | unseal time inside node | every sample decrypted on every node | failed | decrypt right after ready |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            out.append("| ").append(r.label()).append(" | ").append(r.readyMillis()).append(" | ").append(r.unsealedMillis())
                    .append(" | ").append(r.nodeElapsedMillis()).append(" | ").append(r.servedMillis()).append(" | ")
                    .append(r.failed()).append(" | ").append(r.firstDecrypt()).append(" |\n");
        }
        Path file = Path.of("target", "restart.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void admin(String statement) {
        sql("postgres", statement);
    }

    private static void sql(String db, String statement) {
        try (Connection c = DriverManager.getConnection(SERVER + db, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + statement, e);
        }
    }
}
