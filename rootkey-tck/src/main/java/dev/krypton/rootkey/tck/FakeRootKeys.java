package dev.krypton.rootkey.tck;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The world behind {@link FakeRootKeyProvider}: a KMS whose answers a test controls. Keys have
 * versions and a state; the whole service can be unreachable, can hang until released, or can fail
 * the next calls with a scripted {@link Failure}.
 *
 * <p>Key material of the fake lives on the Java heap: it is a test double for a remote KMS, whose
 * key would never be in Krypton's memory at all.
 */
public final class FakeRootKeys {

    /** Lifecycle state of a fake key. */
    public enum KeyState { ENABLED, DISABLED, DELETED }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, FakeKey> keys = new ConcurrentHashMap<>();
    private final Deque<Failure> scripted = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private volatile boolean reachable = true;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    /** Creates key {@code keyId} with version 1 (no-op when it exists). */
    public void create(String keyId) {
        keys.computeIfAbsent(keyId, id -> new FakeKey(random));
    }

    /** Adds a new current version of {@code keyId}; old versions still decrypt. */
    public void rotate(String keyId) {
        key(keyId).rotate(random);
    }

    public void setState(String keyId, KeyState state) {
        key(keyId).state = state;
    }

    /** When false every call fails UNAVAILABLE, as if the network were down. */
    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Every call from now on blocks until {@link #release()} (or until interrupted). */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    public void release() {
        hang.countDown();
    }

    /** The next {@code times} calls fail with {@code failure}, then calls behave normally again. */
    public synchronized void failNext(Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(failure);
        }
    }

    /** How many calls reached the fake so far. */
    public int calls() {
        return calls.get();
    }

    /** The operations seen, in order ("wrap key-1", "probe key-1", ...). */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** Entry point of every fake call: counts it, then applies outage, hang and scripted failures. */
    FakeKey enter(String operation, String keyId) {
        calls.incrementAndGet();
        operations.add(operation + " " + keyId);
        try {
            hang.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RootKeyException.unavailable("fake kms: call interrupted");
        }
        if (!reachable) {
            throw RootKeyException.unavailable("fake kms: connection refused");
        }
        Failure next;
        synchronized (this) {
            next = scripted.poll();
        }
        if (next != null) {
            throw new RootKeyException(next, "fake kms: scripted " + next);
        }
        FakeKey key = keys.get(keyId);
        if (key == null || key.state == KeyState.DELETED) {
            throw RootKeyException.denied("fake kms: key " + keyId + " not found");
        }
        if (key.state == KeyState.DISABLED) {
            throw RootKeyException.denied("fake kms: key " + keyId + " is disabled");
        }
        return key;
    }

    private FakeKey key(String keyId) {
        FakeKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no fake key " + keyId);
        }
        return key;
    }
}
