package dev.krypton.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.StampedLock;

/**
 * The one {@link KeyHandle}: a block of a {@link Slab}. Loans hold the read side of a
 * {@link StampedLock}; {@link #wipe()} takes the write side, so it waits for loans in progress and
 * later loans see {@code wiped}. Engines keep no state derived from the key beyond a loan, so the
 * wipe has only this block to zero.
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
final class SlabKeyHandle implements KeyHandle {
    private final SecureMemory owner;
    private final Slab slab;
    private final MemorySegment block;
    private final StampedLock lock = new StampedLock();
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

    @Override
    public void wipe() {
        long stamp = lock.writeLock();
        try {
            if (wiped) {
                return;
            }
            wiped = true;
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
}
