package dev.krypton.storage.tck;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Heartbeats;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.TaskLog;
import dev.krypton.storage.TenantGeneration;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another one: tests extend it and override only the calls they
 * watch, hide or break (a store without its feed, one whose reads fail, one that records writes).
 */
public class ForwardingStorage implements Storage {

    private final Storage inner;

    public ForwardingStorage(Storage inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The store calls go to. */
    protected Storage inner() {
        return inner;
    }

    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        return inner.tenant(tenantId);
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        return inner.tenants(page);
    }

    @Override
    public Page<TenantGeneration> tenantGenerations(PageRequest page) {
        return inner.tenantGenerations(page);
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        return inner.object(uid);
    }

    @Override
    public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
        return inner.objects(query, page);
    }

    @Override
    public void write(List<Write> changes) {
        inner.write(changes);
    }

    @Override
    public TaskLog taskLog() {
        return inner.taskLog();
    }

    @Override
    public Heartbeats heartbeats() {
        return inner.heartbeats();
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return inner.changeFeed();
    }

    @Override
    public void close() {
        inner.close();
    }
}
