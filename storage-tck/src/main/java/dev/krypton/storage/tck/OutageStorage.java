package dev.krypton.storage.tck;

import dev.krypton.storage.Heartbeats;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that can be taken down: while {@link #down()}, every call (reads, writes, the task log,
 * the heartbeats) throws {@link StorageException} of kind UNAVAILABLE, as a backend does when its
 * database is unreachable; {@link #down(Call, Call...)} breaks only some calls, {@link #up()} heals.
 * The change feed is passed through: it is its own connection, and a test that needs it gone wraps
 * the store in one that hides it.
 */
public class OutageStorage extends ForwardingStorage {

    /** The calls an outage can break. */
    public enum Call {
        TENANT, TENANTS, TENANT_GENERATIONS, OBJECT, OBJECTS, WRITE, TASK_LOG, HEARTBEATS
    }

    private volatile Set<Call> failing = EnumSet.noneOf(Call.class);
    private final AtomicLong refused = new AtomicLong();

    public OutageStorage(Storage inner) {
        super(inner);
    }

    /** Every call fails from now on. */
    public void down() {
        failing = EnumSet.allOf(Call.class);
    }

    /** These calls fail from now on, the others work. */
    public void down(Call first, Call... more) {
        failing = EnumSet.of(first, more);
    }

    /** Every call works again. */
    public void up() {
        failing = EnumSet.noneOf(Call.class);
    }

    /** How many calls the outage refused so far. */
    public long refusedCalls() {
        return refused.get();
    }

    /** Throws UNAVAILABLE if {@code call} is down. */
    protected void check(Call call) {
        if (failing.contains(call)) {
            refused.incrementAndGet();
            throw new StorageException(StorageException.Kind.UNAVAILABLE, "storage outage (simulated): " + call);
        }
    }

    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        check(Call.TENANT);
        return super.tenant(tenantId);
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        check(Call.TENANTS);
        return super.tenants(page);
    }

    @Override
    public Page<TenantGeneration> tenantGenerations(PageRequest page) {
        check(Call.TENANT_GENERATIONS);
        return super.tenantGenerations(page);
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        check(Call.OBJECT);
        return super.object(uid);
    }

    @Override
    public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
        check(Call.OBJECTS);
        return super.objects(query, page);
    }

    @Override
    public void write(List<Write> changes) {
        check(Call.WRITE);
        super.write(changes);
    }

    @Override
    public TaskLog taskLog() {
        TaskLog inner = super.taskLog();
        return new TaskLog() {
            @Override
            public ProcessedTask putIfAbsent(ProcessedTask task) {
                check(Call.TASK_LOG);
                return inner.putIfAbsent(task);
            }

            @Override
            public Optional<ProcessedTask> get(String taskId, String etag) {
                check(Call.TASK_LOG);
                return inner.get(taskId, etag);
            }
        };
    }

    @Override
    public Heartbeats heartbeats() {
        Heartbeats inner = super.heartbeats();
        return new Heartbeats() {
            @Override
            public void beat(NodeHeartbeat heartbeat) {
                check(Call.HEARTBEATS);
                inner.beat(heartbeat);
            }

            @Override
            public List<NodeHeartbeat> list() {
                check(Call.HEARTBEATS);
                return inner.list();
            }

            @Override
            public void applied(String nodeId, Map<String, Long> generations) {
                check(Call.HEARTBEATS);
                inner.applied(nodeId, generations);
            }

            @Override
            public Map<String, Long> appliedBy(String tenantId) {
                check(Call.HEARTBEATS);
                return inner.appliedBy(tenantId);
            }

            @Override
            public boolean forget(String nodeId) {
                check(Call.HEARTBEATS);
                return inner.forget(nodeId);
            }
        };
    }
}
