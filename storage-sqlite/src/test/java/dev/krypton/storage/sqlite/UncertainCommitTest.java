package dev.krypton.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import dev.krypton.storage.jdbc.JdbcStorage;
import dev.krypton.storage.jdbc.SqlConnections;
import dev.krypton.storage.jdbc.SqlDialect;
import dev.krypton.storage.jdbc.SqlWork;
import dev.krypton.storage.tck.Failures;
import dev.krypton.storage.tck.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry path of {@link JdbcStorage} when a commit succeeded but its acknowledgement was lost
 * (what a connection cut during COMMIT looks like): the write must be reported once, applied once,
 * and if someone else changed the record in between, the retry must not overwrite that change but
 * report a conflict (the caller re-reads).
 */
class UncertainCommitTest {

    @TempDir
    Path dir;

    /** Commits the next transaction, runs {@code meanwhile}, then fails it as if the connection broke. */
    private static final class LosingAcks implements SqlConnections {
        final SqlConnections real;
        final AtomicReference<Runnable> loseNext = new AtomicReference<>();

        LosingAcks(SqlConnections real) {
            this.real = real;
        }

        @Override
        public <T> T read(SqlWork<T> work) throws SQLException {
            return real.read(work);
        }

        @Override
        public <T> T transaction(SqlWork<T> work) throws SQLException {
            T result = real.transaction(work);
            Runnable meanwhile = loseNext.getAndSet(null);
            if (meanwhile != null) {
                meanwhile.run();
                throw new SQLException("connection lost during commit", "08006", 5);
            }
            return result;
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private JdbcStorage open(LosingAcks[] holder) {
        Path file = dir.resolve("u.db");
        SqliteDialect sqlite = new SqliteDialect(file, 1000);
        SqlDialect patient = new SqlDialect() {
            public List<List<String>> migrations() { return sqlite.migrations(); }
            public void lockForMigration(Connection c) { sqlite.lockForMigration(c); }
            public boolean isTransient(SQLException e) { return sqlite.isTransient(e); }
            public StorageException describe(SQLException e, String a) { return sqlite.describe(e, a); }
            public void tenantWritten(Connection c, TenantRecord r) { sqlite.tenantWritten(c, r); }
            public String zerosLike(String column) { return sqlite.zerosLike(column); }
            public boolean clearShredded(Connection c) throws SQLException { return sqlite.clearShredded(c); }
            public Duration retryFor() { return Duration.ofSeconds(10); }
        };
        holder[0] = new LosingAcks(SqliteConnections.open(file, 1000, 2, sqlite));
        return new JdbcStorage(holder[0], patient);
    }

    @Test
    void aCommitWhoseAcknowledgementWasLostIsReportedOnceAndAppliedOnce() {
        LosingAcks[] conns = new LosingAcks[1];
        try (JdbcStorage store = open(conns)) {
            store.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
            conns[0].loseNext.set(() -> { });
            store.write(List.of(new Write.PutTenant(Fixtures.tenant("acme", 2), 1),
                    new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT)));
            assertThat(store.tenant("acme")).contains(Fixtures.tenant("acme", 2));
            assertThat(store.object("acme:k:1")).contains(Fixtures.kek("acme", "k", 1, 1));
        }
    }

    @Test
    void aChangeByAnotherWriterAfterTheLostAcknowledgementIsReportedAsAConflictNotApplied() {
        LosingAcks[] conns = new LosingAcks[1];
        try (JdbcStorage store = open(conns)) {
            store.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
            conns[0].loseNext.set(() -> store.write(new Write.PutTenant(Fixtures.tenant("acme", 3), 2)));
            Failures.expect(StorageException.Kind.CONFLICT,
                    () -> store.write(new Write.PutTenant(Fixtures.tenant("acme", 2), 1)));
            assertThat(store.tenant("acme")).contains(Fixtures.tenant("acme", 3));
        }
    }
}
