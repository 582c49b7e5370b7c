package dev.krypton.storage.jdbc;

import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What differs between SQL databases. The DML {@link JdbcStorage} issues is portable (SQLite 3.24+
 * and PostgreSQL 9.5+ both accept {@code INSERT ... ON CONFLICT}); the schema, the error codes and
 * the change notification are the dialect's.
 */
public interface SqlDialect {

    /**
     * The schema migrations, oldest first: element {@code i} holds the statements that take the
     * schema from version {@code i} to {@code i + 1}. Never edit a released migration; append.
     * Identifier columns must compare in Unicode code point order.
     */
    List<List<String>> migrations();

    /** Serialises concurrent migrations inside the current transaction (e.g. an advisory lock). */
    void lockForMigration(Connection connection) throws SQLException;

    /** Whether the error is transient (connection lost, server restarting, busy): retrying may succeed. */
    boolean isTransient(SQLException e);

    /** Turns a vendor error into one clear storage error; {@code action} says what was being done. */
    StorageException describe(SQLException e, String action);

    /** Called inside the write transaction after a tenant record is written (PostgreSQL: NOTIFY). */
    void tenantWritten(Connection connection, TenantRecord record) throws SQLException;

    /** How long to keep retrying transient failures before giving up with UNAVAILABLE. */
    Duration retryFor();
}
