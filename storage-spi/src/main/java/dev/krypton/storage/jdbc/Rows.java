package dev.krypton.storage.jdbc;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.RootKeyRef;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantGeneration;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column lists and the mapping between rows and records. Instants are stored as seconds + nanos. */
final class Rows {

    static final String TENANT_COLUMNS = "tenant_id, state, generation, root_provider, root_key_id, root_key_version, "
            + "root_metadata, wrapped_l2, region, owner, updated_s, updated_n";
    static final String OBJECT_COLUMNS = "uid, tenant_id, kind, name, state, version, revision, created_at_nanos, "
            + "wrapped_blob, aad, attributes, generation";
    static final String TASK_COLUMNS = "task_id, etag, response, processed_s, processed_n";
    static final String HEARTBEAT_COLUMNS = "node_id, last_seen_s, last_seen_n, highest_generation, staleness_ms";

    private Rows() {
    }

    /** Binds the 12 tenant columns in {@link #TENANT_COLUMNS} order starting at parameter 1. */
    static void bind(PreparedStatement s, TenantRecord t) throws SQLException {
        s.setString(1, t.tenantId());
        s.setString(2, t.state().name());
        s.setLong(3, t.generation());
        s.setString(4, t.rootKey().provider());
        s.setString(5, t.rootKey().keyId());
        s.setString(6, t.rootKey().keyVersion());
        s.setBytes(7, StringMapCodec.encode(t.rootKey().metadata()));
        s.setBytes(8, t.wrappedL2());
        s.setString(9, t.region());
        s.setString(10, t.owner());
        s.setLong(11, t.updatedAt().getEpochSecond());
        s.setInt(12, t.updatedAt().getNano());
    }

    /** Binds the 12 object columns in {@link #OBJECT_COLUMNS} order starting at parameter 1. */
    static void bind(PreparedStatement s, ManagedObjectRecord o) throws SQLException {
        s.setString(1, o.uid());
        s.setString(2, o.tenantId());
        s.setString(3, o.kind().name());
        s.setString(4, o.name());
        s.setString(5, o.state().name());
        s.setInt(6, o.version());
        s.setInt(7, o.revision());
        s.setLong(8, o.createdAtNanos());
        s.setBytes(9, o.wrappedBlob());
        s.setBytes(10, o.aad());
        s.setBytes(11, o.attributes());
        s.setLong(12, o.generation());
    }

    static TenantRecord tenant(ResultSet r) throws SQLException {
        String id = r.getString(1);
        RootKeyRef root = new RootKeyRef(r.getString(4), r.getString(5), r.getString(6),
                StringMapCodec.decode(bytes(r, 7), id));
        return new TenantRecord(id, parse(TenantState.class, r.getString(2), id), r.getLong(3), root, bytes(r, 8),
                r.getString(9), r.getString(10), Instant.ofEpochSecond(r.getLong(11), r.getInt(12)));
    }

    /** Reads {@code tenant_id, state, generation}. */
    static TenantGeneration generation(ResultSet r) throws SQLException {
        String id = r.getString(1);
        return new TenantGeneration(id, parse(TenantState.class, r.getString(2), id), r.getLong(3));
    }

    static ManagedObjectRecord object(ResultSet r) throws SQLException {
        String uid = r.getString(1);
        return new ManagedObjectRecord(uid, r.getString(2), parse(ObjectKind.class, r.getString(3), uid), r.getString(4),
                parse(ObjectState.class, r.getString(5), uid), r.getInt(6), r.getInt(7), r.getLong(8), bytes(r, 9),
                bytes(r, 10), bytes(r, 11), r.getLong(12));
    }

    static ProcessedTask task(ResultSet r) throws SQLException {
        return new ProcessedTask(r.getString(1), r.getString(2), bytes(r, 3),
                Instant.ofEpochSecond(r.getLong(4), r.getInt(5)));
    }

    static NodeHeartbeat heartbeat(ResultSet r) throws SQLException {
        return new NodeHeartbeat(r.getString(1), Instant.ofEpochSecond(r.getLong(2), r.getInt(3)), r.getLong(4),
                java.time.Duration.ofMillis(r.getLong(5)));
    }

    /** A byte column; some drivers return null for a zero-length value. */
    private static byte[] bytes(ResultSet r, int column) throws SQLException {
        byte[] value = r.getBytes(column);
        return value == null ? new byte[0] : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String id) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new StorageException(StorageException.Kind.CORRUPT, "Record '" + id + "' has an unknown "
                    + type.getSimpleName() + " '" + value + "' (written by a newer Krypton or damaged).");
        }
    }
}
