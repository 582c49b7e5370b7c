package dev.krypton.rootkey;

import dev.krypton.crypto.KeyHandle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A root key whose probe outcomes a test scripts; wrap and unwrap are not used by these tests. */
public class ScriptedRootKey implements RootKey {

    private final Deque<Failure> outcomes = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Failure steady;
    private volatile boolean healthy = true;

    /** Every later call succeeds. */
    public void healthy() {
        healthy = true;
    }

    /** Every later call fails with {@code failure}. */
    public void failing(Failure failure) {
        healthy = false;
        steady = failure;
    }

    /** The next call fails with {@code failure}, then the steady behaviour resumes. */
    public synchronized void once(Failure failure) {
        outcomes.add(failure);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public RootKeyRef ref() {
        return new RootKeyRef("scripted", "key-1", "", Map.of());
    }

    @Override
    public boolean bindsContext() {
        return false;
    }

    @Override
    public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
        call();
        return new RootKeyBlob("scripted", "key-1", "", "none", new byte[] {1});
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        throw new UnsupportedOperationException("not used");
    }

    @Override
    public void probe(WrapContext context) {
        call();
    }

    private void call() {
        calls.incrementAndGet();
        Failure next;
        synchronized (this) {
            next = outcomes.poll();
        }
        if (next == null && !healthy) {
            next = steady;
        }
        if (next != null) {
            throw new RootKeyException(next, "scripted " + next);
        }
    }

    @Override
    public void close() {
    }
}
