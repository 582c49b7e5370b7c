package dev.krypton.storage.postgres;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code postgres} backend (settings in {@link PostgresSettings}). Opening first connects once
 * without the pool and without retries, so a wrong url, password, database or TLS setting is
 * reported at start-up in one sentence; it then creates the schema if missing (the schema name is validated, so quoting is not
 * needed) and migrates it.
 */
public final class PostgresStorageProvider implements StorageProvider {

    /** Name used in configuration. */
    public static final String NAME = "postgres";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageConfig config) {
        PostgresSettings settings = PostgresSettings.of(config);
        PostgresDialect dialect = new PostgresDialect(settings);
        ensureSchema(settings, dialect);
        return new PostgresStorage(settings, dialect);
    }

    /**
     * Creates the schema if it is missing, on a connection of its own (outside the pool). Transient
     * failures (the server restarting or ending the session, SQLSTATE class 08 and 57P0x) are
     * retried for {@code retry-ms}, as every other statement is, so a node that starts while
     * PostgreSQL restarts waits for it instead of exiting.
     */
    private static void ensureSchema(PostgresSettings settings, PostgresDialect dialect) {
        Properties probe = settings.driverProperties();
        probe.remove("currentSchema");
        long deadline = System.nanoTime() + settings.retryFor().toNanos();
        for (int attempt = 0; ; attempt++) {
            try (Connection c = DriverManager.getConnection(settings.url(), probe); Statement s = c.createStatement()) {
                boolean exists;
                try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + settings.schema() + "'")) {
                    exists = r.next();
                }
                if (!exists) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + settings.schema());
                }
                return;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())) {
                    return;
                }
                if (!dialect.isTransient(e) || System.nanoTime() > deadline) {
                    throw dialect.describe(e, "connect");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(1_000L, 25L << Math.min(attempt, 6))));
            }
        }
    }
}
