package dev.krypton.engine;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.Storage;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.OutageStorage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A store (with {@link OutageStorage}'s outages) that can hold one call in flight: once armed with
 * {@link #holdRead} or {@link #holdWrite} of an object's uid, the next such call blocks until
 * {@link #release()}, then goes through to the store. {@link #awaitHeld()} waits until a caller is
 * held, so a test can change the world (an outage, an unlink) while a request waits on storage.
 */
final class HoldingStorage extends OutageStorage {

    private volatile String readUid = "";
    private volatile String writeUid = "";
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HoldingStorage(Storage inner) {
        super(inner);
    }

    /** The next read of {@code uid} is held. */
    void holdRead(String uid) {
        readUid = uid;
    }

    /** The next write that puts {@code uid} is held. */
    void holdWrite(String uid) {
        writeUid = uid;
    }

    void awaitHeld() throws InterruptedException {
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no call was held within 30 s");
        }
    }

    void release() {
        released.countDown();
    }

    @Override
    public Optional<ManagedObjectRecord> object(String uid) {
        if (uid.equals(readUid)) {
            readUid = "";
            hold();
        }
        return super.object(uid);
    }

    @Override
    public void write(List<Write> changes) {
        String w = writeUid;
        if (!w.isEmpty() && changes.stream().anyMatch(c -> c instanceof Write.PutObject p && p.record().uid().equals(w))) {
            writeUid = "";
            hold();
        }
        super.write(changes);
    }

    private void hold() {
        held.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
