package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.tck.Failures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up errors are one clear sentence; migrations are recorded; TLS settings reach the driver. */
class PostgresConfigurationTest {

    private static StorageException fails(StorageException.Kind kind, Map<String, String> settings) {
        return Failures.expect(kind, () -> StorageProviders.open(new StorageConfig("postgres", settings)));
    }

    /**
     * A statement the server does not answer (here: a table locked by another session, as a
     * silent network would leave it) fails after {@code socket-timeout-ms} instead of holding its
     * pooled connection for ever. The 20 s bound only catches a hang; it is not a timing claim.
     */
    @Test
    void aStatementTheServerDoesNotAnswerFailsAfterTheSocketTimeout() throws Exception {
        String schema = "socket_timeout_" + Long.toHexString(System.nanoTime());
        StorageConfig config = TestDatabase.config(Map.of("schema", schema, "socket-timeout-ms", "1000", "retry-ms", "0"));
        try (Storage storage = StorageProviders.open(config);
             Connection locker = DriverManager.getConnection(config.require("url"), "postgres", "")) {
            storage.tenant("warm-up");
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE " + schema + ".tenants IN ACCESS EXCLUSIVE MODE");
            }
            StorageException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> Failures.expect(StorageException.Kind.UNAVAILABLE, () -> storage.tenant("blocked")));
            assertThat(e.getMessage()).doesNotContain("password");
            locker.rollback();
        }
    }

    @Test
    void malformedUrlIsOneSentence() {
        StorageException e = fails(StorageException.Kind.CONFIG, Map.of("url", "postgres://127.0.0.1/db"));
        assertThat(e.getMessage()).isEqualTo(
                "The PostgreSQL url must look like jdbc:postgresql://host:5432/database, not 'postgres://127.0.0.1/db'.");
    }

    @Test
    void missingDatabaseIsNamed() {
        StorageException e = fails(StorageException.Kind.CONFIG,
                Map.of("url", TestDatabase.SERVER + "no_such_db_krypton", "user", "postgres"));
        assertThat(e.getMessage()).isEqualTo(
                "The PostgreSQL database 'no_such_db_krypton' does not exist at 127.0.0.1:5432/no_such_db_krypton.");
    }

    @Test
    void unknownRoleIsRefusedInOneSentence() {
        StorageException e = fails(StorageException.Kind.CONFIG,
                Map.of("url", TestDatabase.SERVER + "postgres", "user", "no_such_role_krypton", "password", "x"));
        assertThat(e.getMessage()).isEqualTo("PostgreSQL at 127.0.0.1:5432/postgres does not let user "
                + "'no_such_role_krypton' connect (no such role or no access in pg_hba.conf).");
        assertThat(e.getMessage()).doesNotContain("password=");
    }

    @Test
    void wrongPasswordStateIsReportedWithoutThePassword() {
        PostgresDialect dialect = new PostgresDialect(PostgresSettings.of(new StorageConfig("postgres",
                Map.of("url", TestDatabase.SERVER + "vault", "user", "krypton", "password", "hunter2"))));
        StorageException e = dialect.describe(new SQLException("password authentication failed", "28P01"), "connect");
        assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIG);
        assertThat(e.getMessage()).isEqualTo("PostgreSQL at 127.0.0.1:5432/vault rejected the password of user 'krypton'.");
    }

    @Test
    void nobodyListeningOnThePortIsUnavailable() {
        StorageException e = fails(StorageException.Kind.UNAVAILABLE,
                Map.of("url", "jdbc:postgresql://127.0.0.1:1/db", "user", "postgres", "connect-timeout-ms", "1000",
                        "retry-ms", "1500"));
        assertThat(e.getMessage()).startsWith("PostgreSQL at 127.0.0.1:1/db could not be reached to connect");
    }

    /**
     * A server that ends every session at once (as PostgreSQL does while it restarts) is a
     * transient failure: opening the store tries again until {@code retry-ms} runs out, then says
     * it could not reach the server.
     */
    @Test
    void aServerThatEndsSessionsIsRetriedUntilRetryMsRunsOut() throws Exception {
        java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket s = server.accept()) {
                        sessions.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            StorageException e = fails(StorageException.Kind.UNAVAILABLE, Map.of("url", "jdbc:postgresql://127.0.0.1:"
                    + server.getLocalPort() + "/db", "user", "postgres", "connect-timeout-ms", "1000", "retry-ms", "1500"));
            assertThat(e.getMessage()).startsWith("PostgreSQL at 127.0.0.1:" + server.getLocalPort()
                    + "/db could not be reached to connect");
        }
        assertThat(sessions.get()).as("sessions the store opened before it gave up").isGreaterThan(1);
    }

    @Test
    void requiringTlsFromAServerWithoutItFailsClearly() {
        StorageException e = fails(StorageException.Kind.CONFIG,
                Map.of("url", TestDatabase.SERVER + "postgres", "user", "postgres", "sslmode", "require"));
        assertThat(e.getMessage()).isEqualTo(
                "PostgreSQL at 127.0.0.1:5432/postgres does not accept TLS, but sslmode=require requires it.");
    }

    @Test
    void badSettingsAreNamed() {
        assertThat(fails(StorageException.Kind.CONFIG, Map.of("url", TestDatabase.SERVER + "x", "sslmode", "always"))
                .getMessage()).isEqualTo("The PostgreSQL sslmode must be one of disable, allow, prefer, require, verify-ca, "
                + "verify-full, not 'always'.");
        assertThat(fails(StorageException.Kind.CONFIG, Map.of("url", TestDatabase.SERVER + "x", "schema", "Robert'); DROP"))
                .getMessage()).startsWith("The PostgreSQL schema must be");
        assertThat(fails(StorageException.Kind.CONFIG, Map.of()).getMessage())
                .isEqualTo("Storage backend 'postgres' needs the setting 'url'.");
    }

    @Test
    void schemaIsCreatedAndMigratedOnceAcrossOpens() throws Exception {
        StorageConfig config = TestDatabase.newStore();
        StorageProviders.open(config).close();
        try (Storage again = StorageProviders.open(config)) {
            assertThat(again.tenants(dev.krypton.storage.PageRequest.first(1)).items()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(config.settings().get("url"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT string_agg(version::text, ',') FROM " + config.settings().get("schema")
                     + ".krypton_schema")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("1,2");
        }
    }

    /** A store made by the first release (schema 1, no watermarks) keeps its heartbeats: unbounded staleness. */
    @Test
    void aVersionOneStoreGainsAppliedWatermarks() throws Exception {
        StorageConfig config = TestDatabase.newStore();
        StorageProviders.open(config).close();
        String schema = config.settings().get("schema");
        try (Connection c = DriverManager.getConnection(config.settings().get("url"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + schema + ".applied_generations");
            s.execute("ALTER TABLE " + schema + ".heartbeats DROP COLUMN staleness_ms");
            s.execute("DELETE FROM " + schema + ".krypton_schema WHERE version = 2");
            s.execute("INSERT INTO " + schema + ".heartbeats (node_id, last_seen_s, last_seen_n, highest_generation) "
                    + "VALUES ('old', 5, 0, 9)");
        }
        try (Storage store = StorageProviders.open(config)) {
            assertThat(store.heartbeats().list()).containsExactly(new dev.krypton.storage.NodeHeartbeat("old",
                    java.time.Instant.ofEpochSecond(5), 9, java.time.Duration.ZERO));
            store.heartbeats().applied("old", Map.of("acme", 9L));
            assertThat(store.heartbeats().appliedBy("acme")).isEqualTo(Map.of("old", 9L));
        }
    }
}
