package dev.krypton.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts AES-GCM invocations of one L3 version with random 96-bit IVs (NIST SP 800-38D section
 * 8.3 allows at most 2^32 per key). Invocations are taken from blocks reserved in storage by a
 * compare-and-set on the version's record, so the count survives restarts and is shared by the
 * nodes of a cluster; a crash forfeits at most the unused rest of one block. Taking from a block
 * is one CAS; reserving a block (once per {@code blockSize} invocations) is one storage write.
 */
final class GcmBudget {

    /** A reserved range of invocation numbers, {@code [start, end)}. */
    record Range(long start, long end) {
    }

    /** Advances the stored high-water mark by at most {@code size} below {@code limit}. */
    interface Reserver {
        Range reserve(long size, long limit);
    }

    private final long limit;
    private final long blockSize;
    private final AtomicLong next;
    private volatile long end;

    GcmBudget(long limit, long blockSize) {
        this.limit = limit;
        this.blockSize = blockSize;
        this.next = new AtomicLong(0);
        this.end = 0;
    }

    /** Takes one invocation; false once the limit is reached (the version must be rotated). */
    boolean take(Reserver reserver) {
        while (true) {
            long n = next.get();
            if (n < end) {
                if (next.compareAndSet(n, n + 1)) {
                    return true;
                }
                continue;
            }
            synchronized (this) {
                if (next.get() >= end) {
                    Range r = reserver.reserve(blockSize, limit);
                    if (r.start() >= r.end()) {
                        return false;
                    }
                    next.set(r.start());
                    end = r.end();
                }
            }
        }
    }

    /** Invocations handed out by this node's current block position (for status). */
    long position() {
        return next.get();
    }
}
