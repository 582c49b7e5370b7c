package dev.krypton.storage.jdbc;

import dev.krypton.storage.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database to the newest schema in one transaction: the table {@code krypton_schema}
 * holds one row per applied migration; missing ones are applied in order. A database whose
 * version is newer than this code knows is refused rather than misread.
 */
final class Migrations {

    private Migrations() {
    }

    /** Applies missing migrations; returns the resulting version. */
    static int migrate(Connection c, SqlDialect dialect) throws SQLException {
        dialect.lockForMigration(c);
        List<List<String>> migrations = dialect.migrations();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS krypton_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            int current;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM krypton_schema")) {
                r.next();
                current = r.getInt(1);
            }
            if (current > migrations.size()) {
                throw new StorageException(StorageException.Kind.CORRUPT, "The storage schema is at version " + current
                        + ", newer than the " + migrations.size() + " this Krypton knows; upgrade Krypton.");
            }
            for (int v = current; v < migrations.size(); v++) {
                for (String statement : migrations.get(v)) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO krypton_schema (version, applied_at) VALUES (" + (v + 1) + ", '"
                        + java.time.Instant.now() + "')");
            }
            return migrations.size();
        }
    }
}
