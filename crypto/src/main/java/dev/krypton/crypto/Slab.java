package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.BitSet;

/**
 * One mapped region of secure memory, carved into 16-byte units by a first-fit bitmap allocator.
 * Freed blocks are zero-filled before their units become free again; closing zero-fills the whole
 * region, then unlocks and unmaps it.
 */
final class Slab {
    static final int UNIT = 16;

    private final MemorySegment pages;
    private final BitSet used;
    private final int units;
    private final boolean locked;
    private final String lockFailure;
    private final boolean dumpExcluded;
    private int usedUnits;

    Slab(MemorySegment pages, boolean locked, String lockFailure, boolean dumpExcluded) {
        this.pages = pages;
        this.units = (int) (pages.byteSize() / UNIT);
        this.used = new BitSet(units);
        this.locked = locked;
        this.lockFailure = lockFailure;
        this.dumpExcluded = dumpExcluded;
    }

    boolean locked() {
        return locked;
    }

    String lockFailure() {
        return lockFailure;
    }

    boolean dumpExcluded() {
        return dumpExcluded;
    }

    long capacity() {
        return pages.byteSize();
    }

    synchronized long bytesInUse() {
        return (long) usedUnits * UNIT;
    }

    /** @return the block's segment, or {@link MemorySegment#NULL} when no run of free units fits */
    synchronized MemorySegment allocate(int length) {
        int need = (length + UNIT - 1) / UNIT;
        int start = used.nextClearBit(0);
        while (start + need <= units) {
            int nextUsed = used.nextSetBit(start);
            if (nextUsed < 0 || nextUsed >= start + need) {
                used.set(start, start + need);
                usedUnits += need;
                return pages.asSlice((long) start * UNIT, length);
            }
            start = used.nextClearBit(nextUsed);
        }
        return MemorySegment.NULL;
    }

    boolean contains(MemorySegment block) {
        long offset = block.address() - pages.address();
        return offset >= 0 && offset < pages.byteSize();
    }

    /** Zero-fills the block, then returns its units to the free map. */
    synchronized void free(MemorySegment block) {
        block.fill((byte) 0);
        VarHandle.fullFence();
        int start = (int) ((block.address() - pages.address()) / UNIT);
        int count = (int) ((block.byteSize() + UNIT - 1) / UNIT);
        used.clear(start, start + count);
        usedUnits -= count;
    }

    /** Zero-fills every byte, unlocks and unmaps. */
    synchronized void close() {
        pages.fill((byte) 0);
        VarHandle.fullFence();
        if (locked) {
            Libc.munlock(pages);
        }
        Libc.munmap(pages);
    }
}
