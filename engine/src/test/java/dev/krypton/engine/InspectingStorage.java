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
import dev.krypton.storage.tck.MemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory storage fake, wrapped so a test can see every byte string the engine ever hands
 * to storage (blobs, AAD, attributes, ids, root-key metadata) and search them for plaintext keys.
 */
final class InspectingStorage implements Storage {

    final MemoryStorage delegate = new MemoryStorage();
    private final List<byte[]> written = new CopyOnWriteArrayList<>();

    @Override
    public Optional<TenantRecord> tenant(String tenantId) {
        return delegate.tenant(tenantId);
    }

    @Override
    public Page<TenantRecord> tenants(PageRequest page) {
        return delegate.tenants(page);
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        return delegate.object(uid);
    }

    @Override
    public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
        return delegate.objects(query, page);
    }

    @Override
    public void write(List<Write> changes) {
        for (Write w : changes) {
            switch (w) {
                case Write.PutTenant t -> {
                    written.add(t.record().wrappedL2());
                    written.add(t.record().toString().getBytes(StandardCharsets.UTF_8));
                    t.record().rootKey().metadata().values().forEach(v -> written.add(v.getBytes(StandardCharsets.UTF_8)));
                }
                case Write.PutObject o -> {
                    written.add(o.record().wrappedBlob());
                    written.add(o.record().aad());
                    written.add(o.record().attributes());
                    written.add(o.record().uid().getBytes(StandardCharsets.UTF_8));
                    written.add(o.record().name().getBytes(StandardCharsets.UTF_8));
                }
                case Write.DeleteObject d -> written.add(d.uid().getBytes(StandardCharsets.UTF_8));
            }
        }
        delegate.write(changes);
    }

    /** Every byte string written so far. */
    List<byte[]> written() {
        return new ArrayList<>(written);
    }

    /** Whether {@code needle} occurs inside any byte string written so far. */
    boolean sawBytes(byte[] needle) {
        for (byte[] hay : written) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public TaskLog taskLog() {
        return delegate.taskLog();
    }

    @Override
    public Heartbeats heartbeats() {
        return delegate.heartbeats();
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return delegate.changeFeed();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
