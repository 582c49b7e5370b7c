package dev.krypton.storage.jdbc;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Heartbeats;
import dev.krypton.storage.Ids;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.TaskLog;
import dev.krypton.storage.TenantGeneration;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The storage rules over JDBC, shared by the SQL backends.
 *
 * <p><b>Retries without loss or duplication.</b> Transient failures (connection lost, server
 * restarting, busy) are retried until {@link SqlDialect#retryFor()} runs out. A read is simply
 * repeated. A write whose transaction failed may or may not have committed (the connection can
 * drop after the server committed but before the client heard). So before repeating it, and again
 * if the repeat hits a conflict, the writer checks whether exactly the records of the batch are in
 * storage ({@link CasWriter#inPlace}); if so the earlier attempt committed and the write succeeds
 * without being applied twice. Otherwise the compare-and-set expectations guard the repeat: it
 * applies only if nobody (including the earlier attempt) changed the records meanwhile. If the
 * earlier attempt did commit and another writer has changed the records since, the two cases
 * cannot be told apart and the write reports CONFLICT; the caller re-reads, as after any conflict.
 *
 * <p><b>Crypto-shredding.</b> A write that drops wrapped key material overwrites it with zeros
 * before dropping it ({@link CasWriter}), and once it has committed, the dialect clears what the
 * database files still keep of it ({@link SqlDialect#clearShredded}) before {@link #write} returns.
 * If that cannot finish now, a warning is logged and it is tried again after every later write
 * and at close.
 */
public class JdbcStorage implements Storage, TaskLog, Heartbeats {

    private static final System.Logger LOG = System.getLogger(JdbcStorage.class.getName());

    private final SqlConnections connections;
    private final SqlDialect dialect;
    private volatile boolean closed;
    private volatile boolean shredPending;

    /** Wraps the connections and brings the schema up to date. */
    public JdbcStorage(SqlConnections connections, SqlDialect dialect) {
        this.connections = connections;
        this.dialect = dialect;
        try {
            retrying("migrate the schema", () -> connections.transaction(c -> Migrations.migrate(c, dialect)));
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        Ids.require(tenantId, "Tenant id");
        return read("read a tenant", c -> CasWriter.tenant(c, tenantId));
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        return Page.of(tenantRows("list tenants", Rows.TENANT_COLUMNS, page, Rows::tenant), page, TenantRecord::tenantId);
    }

    @Override
    public Page<TenantGeneration> tenantGenerations(PageRequest page) {
        return Page.of(tenantRows("list tenant generations", "tenant_id, state, generation", page, Rows::generation),
                page, TenantGeneration::tenantId);
    }

    /** Reading one column set of a row into a value. */
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Up to {@code page.limit() + 1} tenant rows after {@code page.after()}, in id order, as {@code columns}. */
    private <T> List<T> tenantRows(String action, String columns, PageRequest page, Row<T> row) {
        return read(action, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + columns
                    + " FROM tenants WHERE tenant_id > ? ORDER BY tenant_id LIMIT ?")) {
                s.setString(1, page.after());
                s.setInt(2, page.limit() + 1);
                List<T> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row.read(r));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        Ids.require(uid, "Object uid");
        return read("read an object", c -> CasWriter.object(c, uid));
    }

    @Override
    public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
        String sql = "SELECT " + Rows.OBJECT_COLUMNS + " FROM objects WHERE tenant_id = ?"
                + query.name().map(n -> " AND name = ?").orElse("") + query.state().map(n -> " AND state = ?").orElse("")
                + query.kind().map(n -> " AND kind = ?").orElse("") + " AND uid > ? ORDER BY uid LIMIT ?";
        List<ManagedObjectRecord> rows = read("list objects", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, query.tenantId());
                if (query.name().isPresent()) {
                    s.setString(i++, query.name().get());
                }
                if (query.state().isPresent()) {
                    s.setString(i++, query.state().get().name());
                }
                if (query.kind().isPresent()) {
                    s.setString(i++, query.kind().get().name());
                }
                s.setString(i++, page.after());
                s.setInt(i, page.limit() + 1);
                List<ManagedObjectRecord> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(Rows.object(r));
                    }
                }
                return out;
            }
        });
        return Page.of(rows, page, ManagedObjectRecord::uid);
    }

    @Override
    public void write(List<Write> changes) {
        List<Write> batch = Write.checkBatch(changes);
        ensureOpen();
        long deadline = System.nanoTime() + dialect.retryFor().toNanos();
        boolean uncertain = false;
        for (int attempt = 0; ; attempt++) {
            try {
                if (uncertain && connections.read(c -> CasWriter.inPlace(c, batch))) {
                    clearShredded(batch);
                    return;
                }
                connections.transaction(c -> {
                    CasWriter.apply(c, batch, dialect);
                    return null;
                });
                clearShredded(batch);
                return;
            } catch (CasWriter.Conflict e) {
                if (uncertain && read("check a retried write", c -> CasWriter.inPlace(c, batch))) {
                    clearShredded(batch);
                    return;
                }
                throw StorageException.conflict(e.write instanceof Write.PutTenant ? "Tenant" : "Object", e.write.id());
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || System.nanoTime() > deadline || closed) {
                    throw dialect.describe(e, "write");
                }
                uncertain = true;
                pause(attempt);
            }
        }
    }

    /**
     * After a committed write that dropped wrapped material (or while an earlier clearing is still
     * owed), lets the dialect clear the database files of it. The write itself is durable either
     * way, so a failure here is logged and retried later, never thrown.
     */
    private void clearShredded(List<Write> batch) {
        if (!shredPending && batch.stream().noneMatch(CasWriter::shreds)) {
            return;
        }
        try {
            shredPending = !connections.read(dialect::clearShredded);
            if (shredPending) {
                LOG.log(System.Logger.Level.WARNING, "Destroyed key material may remain in the database's log "
                        + "files: other readers kept them in use; clearing is retried after the next write.");
            }
        } catch (SQLException e) {
            shredPending = true;
            LOG.log(System.Logger.Level.WARNING, "Destroyed key material may remain in the database's log files: "
                    + dialect.describe(e, "clear the log").getMessage() + " Clearing is retried after the next write.");
        }
    }

    @Override
    public ProcessedTask putIfAbsent(ProcessedTask task) {
        return retrying("record a processed task", () -> connections.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tasks (" + Rows.TASK_COLUMNS
                    + ") VALUES (?,?,?,?,?) ON CONFLICT (task_id, etag) DO NOTHING")) {
                s.setString(1, task.taskId());
                s.setString(2, task.etag());
                s.setBytes(3, task.response());
                s.setLong(4, task.processedAt().getEpochSecond());
                s.setInt(5, task.processedAt().getNano());
                s.executeUpdate();
            }
            return TaskQueries.get(c, task.taskId(), task.etag()).orElseThrow();
        }));
    }

    @Override
    public Optional<ProcessedTask> get(String taskId, String etag) {
        Ids.require(taskId, "Task id");
        return read("read a processed task", c -> TaskQueries.get(c, taskId, etag));
    }

    @Override
    public void beat(NodeHeartbeat heartbeat) {
        retrying("store a heartbeat", () -> connections.transaction(c -> TaskQueries.beat(c, heartbeat)));
    }

    @Override
    public List<NodeHeartbeat> list() {
        return read("list heartbeats", TaskQueries::heartbeats);
    }

    @Override
    public void applied(String nodeId, Map<String, Long> generations) {
        Ids.require(nodeId, "Node id");
        Map<String, Long> copy = Map.copyOf(generations);
        copy.forEach((tenant, generation) -> {
            Ids.require(tenant, "Tenant id");
            if (generation < 1) {
                throw StorageException.invalid("An applied tenant generation must be positive.");
            }
        });
        if (!copy.isEmpty()) {
            retrying("record applied generations", () -> connections.transaction(c -> TaskQueries.applied(c, nodeId, copy)));
        }
    }

    @Override
    public Map<String, Long> appliedBy(String tenantId) {
        Ids.require(tenantId, "Tenant id");
        return read("read applied generations", c -> TaskQueries.appliedBy(c, tenantId));
    }

    @Override
    public boolean forget(String nodeId) {
        Ids.require(nodeId, "Node id");
        return retrying("forget a node", () -> connections.transaction(c -> TaskQueries.forget(c, nodeId)));
    }

    @Override
    public TaskLog taskLog() {
        return this;
    }

    @Override
    public Heartbeats heartbeats() {
        return this;
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (!closed) {
            if (shredPending) {
                clearShredded(List.of());
            }
            closed = true;
            connections.close();
        }
    }

    /** Whether {@link #close()} was called. */
    protected final boolean isClosed() {
        return closed;
    }

    private <T> T read(String action, SqlWork<T> work) {
        return retrying(action, () -> connections.read(work));
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private <T> T retrying(String action, Attempt<T> attempt) {
        ensureOpen();
        long deadline = System.nanoTime() + dialect.retryFor().toNanos();
        for (int n = 0; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || System.nanoTime() > deadline || closed) {
                    throw dialect.describe(e, action);
                }
                pause(n);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(StorageException.Kind.CLOSED, "The storage is closed.");
        }
    }

    private static void pause(int attempt) {
        LockSupport.parkNanos(Math.min(1_000L, 25L << Math.min(attempt, 6)) * 1_000_000L);
    }
}
