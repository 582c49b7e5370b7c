package dev.krypton.storage.tck;

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
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory reference backend: every rule of the SPI, no durability. One lock serialises all
 * access, which is the simplest way to be obviously atomic. Records are immutable, so reads hand
 * them out directly. Its change feed reports the writes of this instance.
 */
public final class MemoryStorage implements Storage, TaskLog, Heartbeats, ChangeFeed {

    private final Object lock = new Object();
    private final NavigableMap<String, TenantRecord> tenants = new TreeMap<>(Ids.ORDER);
    private final NavigableMap<String, ManagedObjectRecord> objects = new TreeMap<>(Ids.ORDER);
    private final Map<List<String>, ProcessedTask> tasks = new java.util.HashMap<>();
    private final NavigableMap<String, NodeHeartbeat> beats = new TreeMap<>(Ids.ORDER);
    private final Map<String, Map<String, Long>> applied = new java.util.HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        synchronized (lock) {
            open();
            return Optional.ofNullable(tenants.get(Ids.require(tenantId, "Tenant id")));
        }
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        synchronized (lock) {
            open();
            return Page.of(first(tenants.tailMap(page.after(), false).values(), page.limit() + 1), page, TenantRecord::tenantId);
        }
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        synchronized (lock) {
            open();
            return Optional.ofNullable(objects.get(Ids.require(uid, "Object uid")));
        }
    }

    @Override
    public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
        synchronized (lock) {
            open();
            List<ManagedObjectRecord> fetched = new ArrayList<>();
            for (ManagedObjectRecord r : objects.tailMap(page.after(), false).values()) {
                if (query.matches(r) && fetched.add(r) && fetched.size() > page.limit()) {
                    break;
                }
            }
            return Page.of(fetched, page, ManagedObjectRecord::uid);
        }
    }

    @Override
    public void write(List<Write> changes) {
        List<Write> batch = Write.checkBatch(changes);
        List<TenantChange> notices = new ArrayList<>();
        synchronized (lock) {
            open();
            for (Write w : batch) {
                long current = switch (w) {
                    case Write.PutTenant p -> generation(tenants.get(p.id()));
                    case Write.PutObject p -> generation(objects.get(p.id()));
                    case Write.DeleteObject d -> generation(objects.get(d.id()));
                };
                long expected = switch (w) {
                    case Write.PutTenant p -> p.expectedGeneration();
                    case Write.PutObject p -> p.expectedGeneration();
                    case Write.DeleteObject d -> d.expectedGeneration();
                };
                if (current != expected) {
                    throw StorageException.conflict(w instanceof Write.PutTenant ? "Tenant" : "Object", w.id());
                }
            }
            for (Write w : batch) {
                switch (w) {
                    case Write.PutTenant p -> {
                        tenants.put(p.id(), p.record());
                        notices.add(TenantChange.of(p.record()));
                    }
                    case Write.PutObject p -> objects.put(p.id(), p.record());
                    case Write.DeleteObject d -> objects.remove(d.id());
                }
            }
        }
        for (TenantChange notice : notices) {
            for (Listener l : listeners) {
                try {
                    l.changed(notice);
                } catch (RuntimeException e) {
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        }
    }

    @Override
    public ProcessedTask putIfAbsent(ProcessedTask task) {
        synchronized (lock) {
            open();
            return tasks.computeIfAbsent(List.of(task.taskId(), task.etag()), k -> task);
        }
    }

    @Override
    public Optional<ProcessedTask> get(String taskId, String etag) {
        synchronized (lock) {
            open();
            return Optional.ofNullable(tasks.get(List.of(Ids.require(taskId, "Task id"), etag)));
        }
    }

    @Override
    public void beat(NodeHeartbeat heartbeat) {
        synchronized (lock) {
            open();
            beats.put(heartbeat.nodeId(), heartbeat);
        }
    }

    @Override
    public List<NodeHeartbeat> list() {
        synchronized (lock) {
            open();
            return List.copyOf(beats.values());
        }
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
        synchronized (lock) {
            open();
            copy.forEach((tenant, generation) -> applied.computeIfAbsent(tenant, t -> new TreeMap<>(Ids.ORDER))
                    .merge(nodeId, generation, Math::max));
        }
    }

    @Override
    public boolean forget(String nodeId) {
        Ids.require(nodeId, "Node id");
        synchronized (lock) {
            open();
            applied.values().forEach(byNode -> byNode.remove(nodeId));
            return beats.remove(nodeId) != null;
        }
    }

    @Override
    public Map<String, Long> appliedBy(String tenantId) {
        Ids.require(tenantId, "Tenant id");
        synchronized (lock) {
            open();
            return Map.copyOf(applied.getOrDefault(tenantId, new TreeMap<>()));
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
        return Optional.of(this);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        listeners.clear();
    }

    private void open() {
        if (closed) {
            throw new StorageException(StorageException.Kind.CLOSED, "The memory storage is closed.");
        }
    }

    private static long generation(TenantRecord r) {
        return r == null ? Write.ABSENT : r.generation();
    }

    private static long generation(ManagedObjectRecord r) {
        return r == null ? Write.ABSENT : r.generation();
    }

    private static <T> List<T> first(Iterable<T> values, int n) {
        List<T> out = new ArrayList<>(n);
        for (T v : values) {
            if (out.size() == n) {
                break;
            }
            out.add(v);
        }
        return out;
    }
}
