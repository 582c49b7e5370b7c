package dev.krypton.storage.sqlite;

import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.jdbc.SqlDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * SQLite schema and error codes (https://sqlite.org/rescode.html). Text keys use the default
 * BINARY collation, which compares UTF-8 bytes and therefore orders ids by code point. Blobs sit in
 * ordinary rowid tables (not WITHOUT ROWID, which suits small rows only).
 */
final class SqliteDialect implements SqlDialect {

    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int CORRUPT = 11;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;
    private static final int READONLY = 8;
    private static final int FULL = 13;
    private static final int IOERR = 10;

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE tenants (tenant_id TEXT PRIMARY KEY NOT NULL, state TEXT NOT NULL, generation INTEGER NOT NULL, "
                    + "root_provider TEXT NOT NULL, root_key_id TEXT NOT NULL, root_key_version TEXT NOT NULL, "
                    + "root_metadata BLOB NOT NULL, wrapped_l2 BLOB NOT NULL, region TEXT NOT NULL, owner TEXT NOT NULL, "
                    + "updated_s INTEGER NOT NULL, updated_n INTEGER NOT NULL)",
            "CREATE TABLE objects (uid TEXT PRIMARY KEY NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, "
                    + "name TEXT NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL, revision INTEGER NOT NULL, "
                    + "created_at_nanos INTEGER NOT NULL, wrapped_blob BLOB NOT NULL, aad BLOB NOT NULL, "
                    + "attributes BLOB NOT NULL, generation INTEGER NOT NULL)",
            "CREATE INDEX objects_by_tenant ON objects (tenant_id, uid)",
            "CREATE INDEX objects_by_name ON objects (tenant_id, name, uid)",
            "CREATE TABLE tasks (task_id TEXT NOT NULL, etag TEXT NOT NULL, response BLOB NOT NULL, "
                    + "processed_s INTEGER NOT NULL, processed_n INTEGER NOT NULL, PRIMARY KEY (task_id, etag))",
            "CREATE TABLE heartbeats (node_id TEXT PRIMARY KEY NOT NULL, last_seen_s INTEGER NOT NULL, "
                    + "last_seen_n INTEGER NOT NULL, highest_generation INTEGER NOT NULL)"),
            List.of("ALTER TABLE heartbeats ADD COLUMN staleness_ms INTEGER NOT NULL DEFAULT 0",
                    "CREATE TABLE applied_generations (node_id TEXT NOT NULL, tenant_id TEXT NOT NULL, "
                            + "generation INTEGER NOT NULL, PRIMARY KEY (node_id, tenant_id))",
                    "CREATE INDEX applied_by_tenant ON applied_generations (tenant_id, node_id)"));

    /**
     * How often a log checkpoint after a destroy is tried while readers still use old log pages.
     * Each try already waits up to the busy timeout for them, so a few tries are plenty.
     */
    private static final int CHECKPOINT_TRIES = 3;

    private final Path file;
    private final int busyMillis;

    SqliteDialect(Path file, int busyMillis) {
        this.file = file;
        this.busyMillis = busyMillis;
    }

    @Override
    public List<List<String>> migrations() {
        return MIGRATIONS;
    }

    @Override
    public void lockForMigration(Connection connection) {
        // The writer's transactions begin IMMEDIATE: the database write lock is already held.
    }

    @Override
    public boolean isTransient(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == BUSY || code == LOCKED;
    }

    @Override
    public StorageException describe(SQLException e, String action) {
        int code = e.getErrorCode() & 0xFF;
        return switch (code) {
            case BUSY, LOCKED -> new StorageException(StorageException.Kind.UNAVAILABLE, "The SQLite file " + file
                    + " is locked by another process (waited " + busyMillis + " ms to " + action + ").", e);
            case NOTADB -> new StorageException(StorageException.Kind.CORRUPT, "The file " + file
                    + " is not a SQLite database.", e);
            case CORRUPT -> new StorageException(StorageException.Kind.CORRUPT, "The SQLite file " + file
                    + " is damaged (database disk image is malformed).", e);
            case CANTOPEN, READONLY -> new StorageException(StorageException.Kind.CONFIG, "The SQLite file " + file
                    + " cannot be opened for writing by this user.", e);
            case FULL -> new StorageException(StorageException.Kind.UNAVAILABLE, "The disk holding the SQLite file "
                    + file + " is full.", e);
            case IOERR -> new StorageException(StorageException.Kind.UNAVAILABLE, "Disk I/O failed on the SQLite file "
                    + file + " while trying to " + action + ".", e);
            default -> new StorageException(StorageException.Kind.UNAVAILABLE, "SQLite failed to " + action + " in "
                    + file + " (" + e.getMessage() + ").", e);
        };
    }

    @Override
    public void tenantWritten(Connection connection, TenantRecord record) {
        // No notification: a SQLite store belongs to one node, which knows its own writes.
    }

    @Override
    public String zerosLike(String column) {
        return "zeroblob(length(" + column + "))";
    }

    /**
     * Checkpoints the write-ahead log into the database file and truncates it to zero bytes
     * ({@code PRAGMA wal_checkpoint(TRUNCATE)}). Until then the log still holds the pages as they
     * were before the destroy, wrapped material included. The checkpoint waits (busy timeout) for
     * readers that still use old log pages; if one keeps them past every try, it reports false.
     * With {@code secure_delete} on, the pages it copies into the file hold zeros where the
     * material was, and freed pages are zeroed too.
     */
    @Override
    public boolean clearShredded(Connection connection) throws SQLException {
        for (int attempt = 1; attempt <= CHECKPOINT_TRIES; attempt++) {
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (r.next() && r.getInt(1) == 0) {
                    return true;
                }
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw e;
                }
            }
            if (attempt < CHECKPOINT_TRIES) {
                LockSupport.parkNanos(Duration.ofMillis(20L * attempt).toNanos());
            }
        }
        return false;
    }

    @Override
    public Duration retryFor() {
        return Duration.ZERO;
    }
}
