package dev.krypton.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import dev.krypton.storage.jdbc.JdbcStorage;
import dev.krypton.storage.tck.Fixtures;
import dev.krypton.storage.tck.Residue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log after a destroy: every connection runs with {@code secure_delete} on, and a
 * reader that still uses the log's old pages (here a connection of its own with an open read
 * transaction) keeps the destroyed material there; the store says so in a warning and clears it
 * after the next write once the reader is gone.
 */
class ShredCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionRunsWithSecureDelete() throws Exception {
        Path file = dir.resolve("k.db");
        try (SqliteConnections connections = SqliteConnections.open(file, 1000, 2, new SqliteDialect(file, 1000))) {
            assertThat(connections.read(ShredCheckpointTest::secureDelete)).as("a reader").isEqualTo(1);
            assertThat(connections.read(ShredCheckpointTest::secureDelete)).as("another reader").isEqualTo(1);
            assertThat(connections.transaction(ShredCheckpointTest::secureDelete)).as("the writer").isEqualTo(1);
        }
    }

    private static int secureDelete(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA secure_delete")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aReaderHoldingTheLogDelaysTheClearingWhichTheNextWriteCompletes() throws Exception {
        Path file = dir.resolve("k.db");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(JdbcStorage.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try (Storage store = StorageProviders.open(new StorageConfig("sqlite",
                Map.of("path", file.toString(), "busy-timeout-ms", "100")))) {
            TenantRecord acme = Fixtures.tenant("acme", 1);
            ManagedObjectRecord kek = Fixtures.kek("acme", "orders", 1, 1);
            store.write(List.of(new Write.PutTenant(acme, Write.ABSENT), new Write.PutObject(kek, Write.ABSENT)));
            assertThat(Residue.find(Residue.files(file), kek.wrappedBlob())).isNotEmpty();

            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                reader.setAutoCommit(false);
                try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM objects")) {
                    r.next();
                }
                store.write(List.of(new Write.DeleteObject(kek.uid(), 1),
                        new Write.PutTenant(Fixtures.tenant("acme", 2, TenantState.DESTROYED, 0), 1)));
                assertThat(Residue.find(Residue.files(file), kek.wrappedBlob()))
                        .as("the reader's snapshot still needs the log's old pages").isNotEmpty();
                assertThat(warnings).as("reported").singleElement()
                        .satisfies(w -> assertThat(w.getMessage()).contains("may remain"));
                reader.commit();
            }

            store.write(new Write.PutTenant(Fixtures.tenant("beta", 1), Write.ABSENT));
            assertThat(Residue.find(Residue.files(file), kek.wrappedBlob())).as("cleared after the next write").isEmpty();
            assertThat(Residue.find(Residue.files(file), acme.wrappedL2())).isEmpty();
        } finally {
            log.removeHandler(capture);
        }
    }
}
