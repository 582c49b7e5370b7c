package dev.krypton.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The one {@link KeyHandle}: a block of a {@link Slab}. Loans hold the read side of a
 * {@link StampedLock}; {@link #wipe()} takes the write side, so it waits for loans in progress and
 * later loans see {@code wiped}. Engines may attach native state derived from the key (an OpenSSL
 * key schedule); attachments are closed on wipe, before the bytes are zeroed.
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
final class SlabKeyHandle implements KeyHandle {
    private final SecureMemory owner;
    private final Slab slab;
    private final MemorySegment block;
    private final StampedLock lock = new StampedLock();
    private final Map<Object, AutoCloseable> attachments = new ConcurrentHashMap<>();
    private volatile boolean wiped;

    SlabKeyHandle(SecureMemory owner, Slab slab, MemorySegment block) {
        this.owner = owner;
        this.slab = slab;
        this.block = block;
    }

    @Override
    public int length() {
        return (int) block.byteSize();
    }

    @Override
    public <T> T withKey(KeyLoan<T> loan) {
        return lend(key -> {
            try (Arena scope = Arena.ofConfined()) {
                return loan.use(key.reinterpret(scope, null).asReadOnly());
            }
        });
    }

    /**
     * Trusted loan for this module's engines: the raw segment, no scope of its own (the engine
     * never keeps it past the call).
     */
    <T> T lend(KeyLoan<T> loan) {
        long stamp = lock.readLock();
        try {
            if (wiped) {
                throw new KeyWipedException();
            }
            return loan.use(block);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Returns the engine state attached under {@code owner}, creating it once. Must be called inside
     * a loan, so a concurrent wipe cannot miss it.
     */
    @SuppressWarnings("unchecked")
    <A extends AutoCloseable> A attachment(Object key, Supplier<A> create) {
        return (A) attachments.computeIfAbsent(key, k -> create.get());
    }

    @Override
    public void wipe() {
        long stamp = lock.writeLock();
        try {
            if (wiped) {
                return;
            }
            wiped = true;
            for (AutoCloseable attachment : attachments.values()) {
                closeQuietly(attachment);
            }
            attachments.clear();
            owner.release(this, slab, block);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public boolean isWiped() {
        return wiped;
    }

    @Override
    public String toString() {
        return "KeyHandle[length=" + length() + (wiped ? ", wiped]" : "]");
    }

    private static void closeQuietly(AutoCloseable attachment) {
        try {
            attachment.close();
        } catch (Exception e) {
            System.getLogger(SlabKeyHandle.class.getName())
                    .log(System.Logger.Level.ERROR, "failed to free engine key state", e);
        }
    }
}
