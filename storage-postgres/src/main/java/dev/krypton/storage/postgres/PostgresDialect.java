package dev.krypton.storage.postgres;

import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.jdbc.SqlDialect;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL schema, error classification (SQLSTATE, PostgreSQL manual appendix A) and NOTIFY.
 * Identifier columns use {@code COLLATE "C"}, which compares UTF-8 bytes, i.e. code points.
 */
final class PostgresDialect implements SqlDialect {

    private static final String ID = "TEXT COLLATE \"C\" NOT NULL";
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE tenants (tenant_id " + ID + " PRIMARY KEY, state TEXT NOT NULL, generation BIGINT NOT NULL, "
                    + "root_provider TEXT NOT NULL, root_key_id TEXT NOT NULL, root_key_version TEXT NOT NULL, "
                    + "root_metadata BYTEA NOT NULL, wrapped_l2 BYTEA NOT NULL, region TEXT NOT NULL, owner TEXT NOT NULL, "
                    + "updated_s BIGINT NOT NULL, updated_n INTEGER NOT NULL)",
            "CREATE TABLE objects (uid " + ID + " PRIMARY KEY, tenant_id " + ID + ", kind TEXT NOT NULL, "
                    + "name TEXT COLLATE \"C\" NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL, revision INTEGER NOT NULL, "
                    + "created_at_nanos BIGINT NOT NULL, wrapped_blob BYTEA NOT NULL, aad BYTEA NOT NULL, "
                    + "attributes BYTEA NOT NULL, generation BIGINT NOT NULL)",
            "CREATE INDEX objects_by_tenant ON objects (tenant_id, uid)",
            "CREATE INDEX objects_by_name ON objects (tenant_id, name, uid)",
            "CREATE TABLE tasks (task_id " + ID + ", etag TEXT COLLATE \"C\" NOT NULL, response BYTEA NOT NULL, "
                    + "processed_s BIGINT NOT NULL, processed_n INTEGER NOT NULL, PRIMARY KEY (task_id, etag))",
            "CREATE TABLE heartbeats (node_id " + ID + " PRIMARY KEY, last_seen_s BIGINT NOT NULL, "
                    + "last_seen_n INTEGER NOT NULL, highest_generation BIGINT NOT NULL)"),
            List.of("ALTER TABLE heartbeats ADD COLUMN staleness_ms BIGINT NOT NULL DEFAULT 0",
                    "CREATE TABLE applied_generations (node_id " + ID + ", tenant_id " + ID + ", "
                            + "generation BIGINT NOT NULL, PRIMARY KEY (node_id, tenant_id))",
                    "CREATE INDEX applied_by_tenant ON applied_generations (tenant_id, node_id)"));
    private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03");
    private static final long MIGRATION_LOCK = 0x4B72_7970_746FL;

    private final PostgresSettings settings;

    PostgresDialect(PostgresSettings settings) {
        this.settings = settings;
    }

    /** The NOTIFY channel of this schema, so stores in different schemas do not hear each other. */
    String channel() {
        return "krypton_" + settings.schema();
    }

    @Override
    public List<List<String>> migrations() {
        return MIGRATIONS;
    }

    @Override
    public void lockForMigration(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }
    }

    @Override
    public boolean isTransient(SQLException e) {
        SQLException root = root(e);
        String state = root.getSQLState();
        if (String.valueOf(root.getMessage()).contains("does not support SSL") || has(e, UnknownHostException.class)
                || tlsVerificationFailed(e)) {
            return false;
        }
        return e instanceof SQLTransientException || root instanceof SQLTransientException
                || (state != null && (state.startsWith("08") || TRANSIENT.contains(state)));
    }

    @Override
    public StorageException describe(SQLException e, String action) {
        SQLException root = root(e);
        String state = root.getSQLState() == null ? "" : root.getSQLState();
        String where = settings.where();
        String message = String.valueOf(root.getMessage());
        return switch (state) {
            case "28P01" -> config("PostgreSQL at " + where + " rejected the password of user '" + settings.user() + "'.", e);
            case "28000" -> config("PostgreSQL at " + where + " does not let user '" + settings.user()
                    + "' connect (no such role or no access in pg_hba.conf).", e);
            case "3D000" -> config("The PostgreSQL database '" + settings.database() + "' does not exist at " + where + ".", e);
            case "42501" -> config("PostgreSQL user '" + settings.user() + "' lacks the privileges to " + action + ".", e);
            default -> {
                if (message.contains("does not support SSL")) {
                    yield config("PostgreSQL at " + where + " does not accept TLS, but sslmode="
                            + settings.tls().getProperty("sslmode") + " requires it.", e);
                }
                if (tlsVerificationFailed(e)) {
                    yield config("TLS to PostgreSQL at " + where + " failed verification with sslmode="
                            + settings.tls().getProperty("sslmode") + " (certificate not trusted or not issued for this host).", e);
                }
                if (has(e, UnknownHostException.class)) {
                    yield config("The PostgreSQL host in " + where + " is unknown.", e);
                }
                if (isTransient(e) || has(e, ConnectException.class)) {
                    yield new StorageException(StorageException.Kind.UNAVAILABLE, "PostgreSQL at " + where
                            + " could not be reached to " + action + " (" + (state.isEmpty() ? "timeout" : state) + ").", e);
                }
                yield new StorageException(StorageException.Kind.UNAVAILABLE, "PostgreSQL failed to " + action
                        + " (" + state + ": " + message + ").", e);
            }
        };
    }

    @Override
    public void tenantWritten(Connection connection, TenantRecord record) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel());
            s.setString(2, PgChangeFeed.payload(record));
            s.execute();
        }
    }

    @Override
    public String zerosLike(String column) {
        return "decode(repeat('00', length(" + column + ")), 'hex')";
    }

    /**
     * Nothing the store can do at once: PostgreSQL keeps the row versions from before the
     * overwrite (MVCC) until VACUUM prunes them, and even then their bytes may stay in the page's
     * free space until it is reused or the table is rewritten (VACUUM FULL, which locks the table
     * against every read). Both belong to the operator's maintenance, as do the WAL segments,
     * archives, replicas and backups; docs/security.md says what remains where.
     */
    @Override
    public boolean clearShredded(Connection connection) {
        return true;
    }

    @Override
    public Duration retryFor() {
        return settings.retryFor();
    }

    /** The innermost SQLException that has a SQLSTATE (pool exceptions wrap the driver's). */
    private static SQLException root(SQLException e) {
        SQLException best = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s;
            }
        }
        return best;
    }

    /** The server's certificate was not trusted or not for this host: a configuration problem, never transient. */
    private static boolean tlsVerificationFailed(SQLException e) {
        return has(e, CertificateException.class) || has(e, CertPathValidatorException.class)
                || has(e, CertPathBuilderException.class) || String.valueOf(e.getMessage()).contains("could not be verified");
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static StorageException config(String message, SQLException cause) {
        return new StorageException(StorageException.Kind.CONFIG, message, cause);
    }
}
