package dev.krypton.storage.jdbc;

import java.sql.SQLException;

/** Where a SQL backend gets its connections: a pool, or one writer and some readers. */
public interface SqlConnections extends AutoCloseable {

    /** Runs read-only work on some connection in auto-commit mode. */
    <T> T read(SqlWork<T> work) throws SQLException;

    /**
     * Runs work in one transaction that holds the write lock where the database has one: commits
     * if it returns, rolls back if it throws.
     */
    <T> T transaction(SqlWork<T> work) throws SQLException;

    /** Releases every connection. */
    @Override
    void close();
}
