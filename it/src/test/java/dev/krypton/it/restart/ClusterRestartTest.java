package dev.krypton.it.restart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krypton.app.node.DevPki;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.storage.StorageConfig;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full restart (issue 10): 10,000 linked tenants on PostgreSQL (own database), two real node
 * processes, every node killed with SIGKILL and started again; measured is the time from the
 * restart until both nodes report every tenant unsealed in {@code /status} and a sample of 100
 * tenants decrypts over KMIP on each node. Run once with the {@code local} provider and once with
 * {@code slow-local} (local plus 50 ms per call); the second run kills the nodes while they are
 * still unsealing. Numbers go to {@code target/restart.md}. The node count is fixed at two (a
 * 2-core machine); the tenant count can be lowered with {@code -Dkrypton.it.restart.tenants=N}.
 */
class ClusterRestartTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
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
        DevPki pki = DevPki.init(dir.resolve("pki"));
        Files.writeString(dir.resolve("policy.yaml"), "grants:\n  - principal: " + DevPki.GATEWAY
                + "\n    tenants: ['*']\n    operations: [decrypt]\n");
        Path keys = Files.createDirectories(dir.resolve("root-keys"));
        String db = "krypton_it_restart_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        String slowDb = db + "_slow";
        admin("CREATE DATABASE " + db);
        try {
            long seedStart = System.nanoTime();
            List<TenantSeeder.Sample> samples = TenantSeeder.seed(store(db), keys, KEY_ID, TENANTS, SAMPLE_EVERY, 16);
            long seedMillis = millisSince(seedStart);

            Result local = scenario("local", dir, pki, db, Map.of(), samples, TENANTS);

            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            admin("CREATE DATABASE " + slowDb + " TEMPLATE " + db);
            sql(slowDb, "UPDATE krypton.tenants SET root_provider = '" + SlowLocalRootKeyProvider.NAME + "'");
            Result slow = scenario("slow-local (+50 ms per call)", dir, pki, slowDb,
                    Map.of(SlowLocalRootKeyProvider.FOLDER, keys.toString(), SlowLocalRootKeyProvider.LATENCY, "50"),
                    samples, TENANTS / 4);

            report(seedMillis, samples.size(), List.of(local, slow));
            for (Result r : List.of(local, slow)) {
                assertThat(r.failed()).as(r.label() + ": tenants that failed to unseal").isZero();
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + slowDb + " WITH (FORCE)");
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /**
     * Starts the nodes, waits until {@code killAfter} tenants are unsealed on each, kills them all
     * with SIGKILL, starts them again and measures until every tenant serves on every node.
     */
    private Result scenario(String label, Path dir, DevPki pki, String db, Map<String, String> props,
                            List<TenantSeeder.Sample> samples, int killAfter) throws Exception {
        List<Path> configs = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            configs.add(config(dir, pki, db, "node-" + n));
        }
        List<NodeProcess> before = startAll(dir, configs, props);
        try {
            for (NodeProcess node : before) {
                node.awaitReady(60);
            }
            for (NodeProcess node : before) {
                awaitUnsealed(node, killAfter);
            }
        } finally {
            for (NodeProcess node : before) {
                node.kill();
            }
        }

        long restart = System.nanoTime();
        List<NodeProcess> after = startAll(dir, configs, props);
        try {
            List<Long> ready = new ArrayList<>();
            for (NodeProcess node : after) {
                node.awaitReady(60);
                ready.add(millisSince(restart));
            }
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

    private static List<NodeProcess> startAll(Path dir, List<Path> configs, Map<String, String> props) throws Exception {
        List<NodeProcess> nodes = new ArrayList<>();
        for (int n = 0; n < configs.size(); n++) {
            nodes.add(NodeProcess.start(dir, "node-" + (n + 1), configs.get(n), props));
        }
        return nodes;
    }

    /** Polls {@code /status} until {@code count} tenants are unsealed or nothing is pending any more. */
    private static JsonNode awaitUnsealed(NodeProcess node, int count) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = node.startup();
            assertThat(last.get("total").asInt()).as(node + " counts every ACTIVE tenant").isEqualTo(TENANTS);
            if (last.get("unsealed").asInt() >= count || last.get("complete").asBoolean()) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(node + " did not unseal " + count + " tenants within " + GIVE_UP_SECONDS + " s: " + last);
    }

    /** One decrypt right after the listener came up: what a gateway sees during the re-unseal. */
    private static String attempt(DevPki pki, NodeProcess node, TenantSeeder.Sample sample) {
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

    private static KmipClient client(DevPki pki, NodeProcess node) {
        TlsSettings tls = TlsSettings.fromPem(pki.cert(DevPki.GATEWAY), pki.key(DevPki.GATEWAY), pki.ca());
        return KmipClient.open(ClientConfig.of("localhost", node.kmipPort(), tls).withVersion(ProtocolVersion.V1_4));
    }

    private static Path config(Path dir, DevPki pki, String db, String node) throws Exception {
        Path home = Files.createDirectories(dir.resolve(node));
        return Files.writeString(dir.resolve(node + "-" + db + ".yaml"), """
                storage:
                  backend: postgres
                  settings:
                    url: %s
                    user: postgres
                    sslmode: disable
                    schema: krypton
                    pool-size: 8
                root-keys:
                  allow-local: true
                  local-folder: %s
                policy:
                  file: %s
                tls:
                  certificate: %s
                  private-key: %s
                  client-ca: %s
                  allow-development-certificates: true
                audit:
                  file: %s
                  key-folder: %s
                kmip:
                  port: 0
                orbital:
                  grpc:
                    port: 0
                admin:
                  port: 0
                startup:
                  unseal-parallelism: 32
                """.formatted(SERVER + db, dir.resolve("root-keys"), dir.resolve("policy.yaml"), pki.cert(DevPki.SERVER),
                pki.key(DevPki.SERVER), pki.ca(), home.resolve("audit-" + db + ".log"), home.resolve("audit")));
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
