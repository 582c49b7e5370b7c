package dev.krypton.engine;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Heartbeats;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.TaskLog;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.util.List;
import java.util.Optional;

/** The same store without its change feed: the node learns changes by polling only. */
record WithoutFeed(Storage inner) implements Storage {
    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        return inner.tenant(tenantId);
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        return inner.tenants(page);
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
        return Optional.empty();
    }

    @Override
    public void close() {
        inner.close();
    }
}
