package dev.krypton.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.tck.Failures;
import dev.krypton.storage.tck.Fixtures;
import dev.krypton.storage.Write;
import dev.krypton.storage.jdbc.SqlWork;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up errors are one clear sentence; the file uses WAL and synchronous=FULL; migrations are recorded. */
class SqliteConfigurationTest {

    @TempDir
    Path dir;

    private static StorageConfig sqlite(Map<String, String> settings) {
        return new StorageConfig("sqlite", settings);
    }

    /** Under the usual umask 022 SQLite would create these 0644: readable by every local user. */
    @Test
    void aNewDatabaseAndTheWalAndShmFilesSqliteCreatesAreOwnerOnly() throws Exception {
        Path file = dir.resolve("owner-only.db");
        try (Storage storage = StorageProviders.open(sqlite(Map.of("path", file.toString())))) {
            storage.taskLog().putIfAbsent(new dev.krypton.storage.ProcessedTask("task-1", "1", new byte[] {1},
                    java.time.Instant.now()));
            for (String name : new String[] {"owner-only.db", "owner-only.db-wal", "owner-only.db-shm"}) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(name)))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void missingPathSettingIsNamed() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG, () -> StorageProviders.open(sqlite(Map.of())));
        assertThat(e.getMessage()).isEqualTo("Storage backend 'sqlite' needs the setting 'path'.");
    }

    @Test
    void missingDirectoryIsOneSentence() {
        Path file = dir.resolve("no/such/dir/vault.db");
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(sqlite(Map.of("path", file.toString()))));
        assertThat(e.getMessage()).isEqualTo("The directory of the SQLite file " + file + " does not exist.");
    }

    @Test
    void aDirectoryIsNotADatabase() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(sqlite(Map.of("path", dir.toString()))));
        assertThat(e.getMessage()).isEqualTo("The SQLite path " + dir + " is a directory, not a database file.");
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsSuch() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the pages you are looking for ".repeat(100));
        StorageException e = Failures.expect(StorageException.Kind.CORRUPT,
                () -> StorageProviders.open(sqlite(Map.of("path", file.toString()))));
        assertThat(e.getMessage()).isEqualTo("The file " + file + " is not a SQLite database.");
        assertThat(Files.readString(file)).startsWith("these are not");
    }

    @Test
    void badNumbersAndUnknownSettingsAreNamed() {
        StorageException bad = Failures.expect(StorageException.Kind.CONFIG, () -> StorageProviders.open(
                sqlite(Map.of("path", dir.resolve("a.db").toString(), "busy-timeout-ms", "soon"))));
        assertThat(bad.getMessage()).isEqualTo("Storage setting 'busy-timeout-ms' must be an integer from 0 to 600000, not 'soon'.");
        StorageException typo = Failures.expect(StorageException.Kind.CONFIG, () -> StorageProviders.open(
                sqlite(Map.of("path", dir.resolve("a.db").toString(), "reader", "2"))));
        assertThat(typo.getMessage()).isEqualTo(
                "Unknown setting 'reader' for storage backend 'sqlite'; known settings: busy-timeout-ms, path, readers.");
    }

    @Test
    void aFileLockedByAnotherProcessIsReportedAfterTheBusyTimeout() throws Exception {
        Path file = dir.resolve("locked.db");
        StorageConfig config = sqlite(Map.of("path", file.toString(), "busy-timeout-ms", "300"));
        StorageProviders.open(config).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            StorageException e = Failures.expect(StorageException.Kind.UNAVAILABLE, () -> {
                try (Storage store = StorageProviders.open(config)) {
                    store.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
                }
            });
            assertThat(e.getMessage()).startsWith("The SQLite file " + file + " is locked by another process (waited 300 ms");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (Storage store = StorageProviders.open(config)) {
            store.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
            assertThat(store.tenant("acme")).isPresent();
        }
    }

    @Test
    void databaseUsesWalFullSyncAndRecordsItsSchemaVersion() throws Exception {
        Path file = dir.resolve("v.db");
        StorageProviders.open(sqlite(Map.of("path", file.toString()))).close();
        StorageProviders.open(sqlite(Map.of("path", file.toString()))).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "SELECT group_concat(version) FROM krypton_schema")).isEqualTo("1,2");
        }
        SqliteConnections connections = SqliteConnections.open(file, 100, 1, new SqliteDialect(file, 100));
        try {
            SqlWork<String> sync = c -> {
                try (Statement s = c.createStatement()) {
                    return single(s, "PRAGMA synchronous");
                }
            };
            assertThat(connections.transaction(sync)).as("writer synchronous (2 = FULL)").isEqualTo("2");
            assertThat(connections.read(sync)).as("reader synchronous (2 = FULL)").isEqualTo("2");
        } finally {
            connections.close();
        }
    }

    private static String single(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** A store made by the first release (schema 1, no watermarks) keeps its heartbeats: unbounded staleness. */
    @Test
    void aVersionOneStoreGainsAppliedWatermarks() throws Exception {
        Path file = dir.resolve("v1.db");
        StorageProviders.open(sqlite(Map.of("path", file.toString()))).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE applied_generations");
            s.execute("ALTER TABLE heartbeats DROP COLUMN staleness_ms");
            s.execute("DELETE FROM krypton_schema WHERE version = 2");
            s.execute("INSERT INTO heartbeats (node_id, last_seen_s, last_seen_n, highest_generation) VALUES ('old', 5, 0, 9)");
        }
        try (Storage store = StorageProviders.open(sqlite(Map.of("path", file.toString())))) {
            assertThat(store.heartbeats().list()).containsExactly(new dev.krypton.storage.NodeHeartbeat("old",
                    java.time.Instant.ofEpochSecond(5), 9, java.time.Duration.ZERO));
            store.heartbeats().applied("old", Map.of("acme", 9L));
            assertThat(store.heartbeats().appliedBy("acme")).isEqualTo(Map.of("old", 9L));
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("future.db");
        StorageProviders.open(sqlite(Map.of("path", file.toString()))).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO krypton_schema (version, applied_at) VALUES (99, 'later')");
        }
        StorageException e = Failures.expect(StorageException.Kind.CORRUPT,
                () -> StorageProviders.open(sqlite(Map.of("path", file.toString()))));
        assertThat(e.getMessage()).isEqualTo("The storage schema is at version 99, newer than the 2 this Krypton knows; upgrade Krypton.");
    }
}
