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
        Properties probe = settings.driverProperties();
        probe.remove("currentSchema");
        try (Connection c = DriverManager.getConnection(settings.url(), probe); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + settings.schema() + "'")) {
                exists = r.next();
            }
            if (!exists) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + settings.schema());
            }
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) {
                throw dialect.describe(e, "connect");
            }
        }
        return new PostgresStorage(settings, dialect);
    }
}
