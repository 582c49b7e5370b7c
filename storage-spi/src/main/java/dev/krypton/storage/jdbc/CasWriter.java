package dev.krypton.storage.jdbc;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Applies an atomic write inside one transaction as conditional statements: an insert that does
 * nothing if the row exists (expectation ABSENT) or an update/delete guarded by
 * {@code generation = expected}. A statement that touches no row is a failed expectation and
 * aborts the transaction. Also checks, after an uncertain commit, whether a write is in place.
 *
 * <p><b>Shredding.</b> A change that drops wrapped key material (see {@link #shreds}) first
 * overwrites the stored material with zeros of the same length, in the same transaction, and only
 * then deletes the row or stores the empty value. A database that updates in place (SQLite, for a
 * value of the same size) so never keeps the material in a freed cell; where it cannot (PostgreSQL
 * keeps the old row version until VACUUM), the deleted version at least holds only zeros.
 */
final class CasWriter {

    /** Thrown inside the transaction to roll it back on a failed expectation. */
    static final class Conflict extends SQLException {
        final Write write;

        Conflict(Write write) {
            super("compare-and-set failed");
            this.write = write;
        }
    }

    private static final String INSERT_TENANT = "INSERT INTO tenants (" + Rows.TENANT_COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id) DO NOTHING";
    private static final String UPDATE_TENANT = "UPDATE tenants SET tenant_id=?, state=?, generation=?, root_provider=?, "
            + "root_key_id=?, root_key_version=?, root_metadata=?, wrapped_l2=?, region=?, owner=?, updated_s=?, updated_n=? "
            + "WHERE tenant_id=? AND generation=?";
    private static final String INSERT_OBJECT = "INSERT INTO objects (" + Rows.OBJECT_COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (uid) DO NOTHING";
    private static final String UPDATE_OBJECT = "UPDATE objects SET uid=?, tenant_id=?, kind=?, name=?, state=?, version=?, "
            + "revision=?, created_at_nanos=?, wrapped_blob=?, aad=?, attributes=?, generation=? WHERE uid=? AND generation=?";
    private static final String DELETE_OBJECT = "DELETE FROM objects WHERE uid=? AND generation=?";
    private static final String ZERO_OBJECT = "UPDATE objects SET wrapped_blob=%s, aad=%s WHERE uid=? AND generation=?";
    private static final String ZERO_TENANT = "UPDATE tenants SET wrapped_l2=%s WHERE tenant_id=? AND generation=?";

    private CasWriter() {
    }

    static void apply(Connection c, List<Write> batch, SqlDialect dialect) throws SQLException {
        for (Write w : batch) {
            if (shreds(w)) {
                overwrite(c, w, dialect);
            }
            int changed = switch (w) {
                case Write.PutTenant p -> put(c, p.expectedGeneration() == Write.ABSENT ? INSERT_TENANT : UPDATE_TENANT,
                        s -> Rows.bind(s, p.record()), p.id(), p.expectedGeneration());
                case Write.PutObject p -> put(c, p.expectedGeneration() == Write.ABSENT ? INSERT_OBJECT : UPDATE_OBJECT,
                        s -> Rows.bind(s, p.record()), p.id(), p.expectedGeneration());
                case Write.DeleteObject d -> {
                    try (PreparedStatement s = c.prepareStatement(DELETE_OBJECT)) {
                        s.setString(1, d.uid());
                        s.setLong(2, d.expectedGeneration());
                        yield s.executeUpdate();
                    }
                }
            };
            if (changed != 1) {
                throw new Conflict(w);
            }
            if (w instanceof Write.PutTenant p) {
                dialect.tenantWritten(c, p.record());
            }
        }
    }

    /**
     * Whether the change drops wrapped key material that may be stored now: deleting an object,
     * storing an object without its blob (a destroyed version) or a tenant without its wrapped L2
     * (the tombstone of a destroyed tenant) over an existing record.
     */
    static boolean shreds(Write w) {
        return switch (w) {
            case Write.DeleteObject _ -> true;
            case Write.PutObject p -> p.expectedGeneration() != Write.ABSENT && p.record().wrappedBlob().length == 0;
            case Write.PutTenant p -> p.expectedGeneration() != Write.ABSENT && !p.record().hasWrappedL2();
        };
    }

    /**
     * Overwrites the stored material {@code w} drops with zeros of the same length. Guarded by the
     * same expectation as the change itself: if that fails, this touches nothing and the change
     * that follows reports the conflict.
     */
    private static void overwrite(Connection c, Write w, SqlDialect dialect) throws SQLException {
        String sql = w instanceof Write.PutTenant
                ? ZERO_TENANT.formatted(dialect.zerosLike("wrapped_l2"))
                : ZERO_OBJECT.formatted(dialect.zerosLike("wrapped_blob"), dialect.zerosLike("aad"));
        long expected = switch (w) {
            case Write.DeleteObject d -> d.expectedGeneration();
            case Write.PutObject p -> p.expectedGeneration();
            case Write.PutTenant p -> p.expectedGeneration();
        };
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, w.id());
            s.setLong(2, expected);
            s.executeUpdate();
        }
    }

    /** Whether every change of the batch is what storage holds now. */
    static boolean inPlace(Connection c, List<Write> batch) throws SQLException {
        for (Write w : batch) {
            boolean ok = switch (w) {
                case Write.PutTenant p -> tenant(c, p.id()).filter(p.record()::equals).isPresent();
                case Write.PutObject p -> object(c, p.id()).filter(p.record()::equals).isPresent();
                case Write.DeleteObject d -> object(c, d.uid()).isEmpty();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Optional<TenantRecord> tenant(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.TENANT_COLUMNS + " FROM tenants WHERE tenant_id=?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Rows.tenant(r)) : Optional.empty();
            }
        }
    }

    static Optional<ManagedObjectRecord> object(Connection c, String uid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.OBJECT_COLUMNS + " FROM objects WHERE uid=?")) {
            s.setString(1, uid);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Rows.object(r)) : Optional.empty();
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static int put(Connection c, String sql, Binder binder, String id, long expected) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            if (expected != Write.ABSENT) {
                s.setString(13, id);
                s.setLong(14, expected);
            }
            return s.executeUpdate();
        }
    }
}
