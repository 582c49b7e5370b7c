package dev.krypton.engine;

import dev.krypton.storage.Write;
import dev.krypton.storage.tck.ForwardingStorage;
import dev.krypton.storage.tck.MemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory storage fake, wrapped so a test can see every byte string the engine ever hands
 * to storage (blobs, AAD, attributes, ids, root-key metadata) and search them for plaintext keys.
 */
final class InspectingStorage extends ForwardingStorage {

    final MemoryStorage delegate;
    private final List<byte[]> written = new CopyOnWriteArrayList<>();

    InspectingStorage() {
        this(new MemoryStorage());
    }

    private InspectingStorage(MemoryStorage delegate) {
        super(delegate);
        this.delegate = delegate;
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
        super.write(changes);
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
}
