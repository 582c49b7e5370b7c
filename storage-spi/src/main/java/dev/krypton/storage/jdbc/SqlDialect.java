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

    /**
     * An SQL expression giving as many zero bytes as the byte column {@code column} holds, used to
     * overwrite wrapped key material in place before it is dropped.
     */
    String zerosLike(String column);

    /**
     * Clears what the database's own files still keep of material a committed write overwrote and
     * dropped (SQLite: old pages in the write-ahead log). Runs on a connection in auto-commit mode,
     * outside any transaction.
     *
     * @return true when nothing is left to clear; false when it could not finish now (for example
     *         another reader held the log) and should be tried again after the next write
     */
    boolean clearShredded(Connection connection) throws SQLException;

    /** How long to keep retrying transient failures before giving up with UNAVAILABLE. */
    Duration retryFor();
}
