package dev.krypton.crypto;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Native memory for keys: anonymous pages mapped with {@code mmap}, locked with {@code mlock} (never
 * swapped), excluded from core dumps with {@code madvise(MADV_DONTDUMP)}, and carved by a slab
 * allocator, because {@code RLIMIT_MEMLOCK} is often only 8 MiB. Every block is zero-filled before
 * it is released; {@link #close()} wipes every live handle, zero-fills, unlocks and unmaps.
 *
 * <p>When locking fails the memory still works, but {@link #status()} says "not locked" with the
 * errno reason and a warning is logged, never silently (unless {@link Options#requireLock()}, then
 * opening fails).
 *
 * <p>Note: {@code MADV_DONTDUMP} keeps pages out of core dumps only; a privileged reader of
 * {@code /proc/PID/mem} or a debugger still sees them while they hold a key.
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
public final class SecureMemory implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SecureMemory.class.getName());
    private static final long PAGE = 4096;

    /** How to lock a slab's pages; replaced in tests to force the "not locked" path. */
    @FunctionalInterface
    interface Locker {
        Libc.Outcome lock(MemorySegment pages);
    }

    private final Options options;
    private final Locker locker;
    private final List<Slab> slabs = new ArrayList<>();
    private final Set<SlabKeyHandle> live = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private SecureMemory(Options options, Locker locker) {
        this.options = options;
        this.locker = locker;
    }

    /**
     * Maps and locks the first slab.
     *
     * @param options sizes and lock policy
     * @return the open memory
     * @throws CryptoException if mapping fails, or locking fails while {@code requireLock}
     */
    public static SecureMemory open(Options options) {
        return open(options, Libc::mlock);
    }

    static SecureMemory open(Options options, Locker locker) {
        SecureMemory memory = new SecureMemory(options, locker);
        synchronized (memory) {
            memory.slabs.add(memory.mapSlab());
        }
        return memory;
    }

    /**
     * Allocates {@code length} bytes and lets {@code filler} write the key in place. If the filler
     * throws, the block is wiped and the exception propagates.
     *
     * @param length key length in bytes, 1 to the slab size
     * @param filler writes the key bytes into the (writable) segment; must not keep it
     * @return the handle
     */
    public KeyHandle allocate(int length, Consumer<MemorySegment> filler) {
        SlabKeyHandle handle = reserve(length);
        try {
            handle.lend(block -> {
                try (Arena scope = Arena.ofConfined()) {
                    filler.accept(block.reinterpret(scope, null));
                }
                return null;
            });
            return handle;
        } catch (RuntimeException | Error e) {
            handle.wipe();
            throw e;
        }
    }

    /**
     * Copies a key that arrived on the heap (from an SDK that returns {@code byte[]}) and zeroes the
     * source array at once. The caller must hold no other copy.
     *
     * @param source key bytes; zero-filled on return, also on failure
     * @return the handle
     */
    public KeyHandle copyOf(byte[] source) {
        try {
            return allocate(source.length, block -> MemorySegment.copy(
                    MemorySegment.ofArray(source), 0, block, 0, source.length));
        } finally {
            Arrays.fill(source, (byte) 0);
        }
    }

    /**
     * A fresh random key written by the kernel's CSPRNG ({@code getrandom(2)}) straight into secure
     * memory; the bytes never pass through the heap.
     *
     * @param length key length in bytes
     * @return the handle
     */
    public KeyHandle random(int length) {
        return allocate(length, SecureMemory::fillRandom);
    }

    /** @return whether pages are locked (and why not), dump exclusion, bytes in use and capacity */
    public synchronized Status status() {
        boolean locked = !slabs.isEmpty() && slabs.stream().allMatch(Slab::locked);
        String reason = slabs.stream().filter(s -> !s.locked()).map(Slab::lockFailure)
                .findFirst().orElse("");
        boolean excluded = slabs.stream().allMatch(Slab::dumpExcluded);
        long inUse = slabs.stream().mapToLong(Slab::bytesInUse).sum();
        long capacity = slabs.stream().mapToLong(Slab::capacity).sum();
        return new Status(locked, reason, excluded, inUse, capacity, live.size(), closed);
    }

    /** Wipes every live handle (waiting for their loans), zero-fills, unlocks and unmaps. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (SlabKeyHandle handle : List.copyOf(live)) {
            handle.wipe();
        }
        synchronized (this) {
            slabs.forEach(Slab::close);
        }
    }

    @Override
    public String toString() {
        return "SecureMemory" + status();
    }

    static void fillRandom(MemorySegment block) {
        long done = 0;
        while (done < block.byteSize()) {
            Libc.Outcome outcome = Libc.getrandom(block.asSlice(done));
            if (outcome.failed()) {
                if (outcome.errno() == 4) {
                    continue;
                }
                throw new CryptoException("getrandom failed: " + Libc.strerror(outcome.errno()));
            }
            done += outcome.value();
        }
    }

    void release(SlabKeyHandle handle, Slab slab, MemorySegment block) {
        slab.free(block);
        live.remove(handle);
    }

    private synchronized SlabKeyHandle reserve(int length) {
        if (closed) {
            throw new CryptoException("secure memory is closed");
        }
        if (length < 1 || length > options.slabBytes()) {
            throw new CryptoException("key length must be 1.." + options.slabBytes() + " bytes, was " + length);
        }
        for (Slab slab : slabs) {
            MemorySegment block = slab.allocate(length);
            if (!block.equals(MemorySegment.NULL)) {
                return register(slab, block);
            }
        }
        if (slabs.size() >= options.maxSlabs()) {
            throw new CryptoException("secure memory exhausted (" + options.maxSlabs() + " slabs of "
                    + options.slabBytes() + " bytes)");
        }
        Slab slab = mapSlab();
        slabs.add(slab);
        return register(slab, slab.allocate(length));
    }

    private SlabKeyHandle register(Slab slab, MemorySegment block) {
        SlabKeyHandle handle = new SlabKeyHandle(this, slab, block);
        live.add(handle);
        return handle;
    }

    private Slab mapSlab() {
        long size = (options.slabBytes() + PAGE - 1) / PAGE * PAGE;
        Libc.Outcome mapped = Libc.mmap(size);
        if (mapped.failed()) {
            throw new CryptoException("mmap of secure memory failed: " + Libc.strerror(mapped.errno()));
        }
        MemorySegment pages = MemorySegment.ofAddress(mapped.value()).reinterpret(size);
        Libc.Outcome advised = Libc.madvise(pages, Libc.MADV_DONTDUMP);
        if (advised.failed()) {
            LOG.log(Level.WARNING, "secure memory not excluded from core dumps: {0}",
                    Libc.strerror(advised.errno()));
        }
        Libc.Outcome lockOutcome = locker.lock(pages);
        if (!lockOutcome.failed()) {
            return new Slab(pages, true, "", !advised.failed());
        }
        String reason = "mlock of " + size + " bytes failed: " + Libc.strerror(lockOutcome.errno())
                + "; RLIMIT_MEMLOCK soft limit " + Libc.getrlimit(Libc.RLIMIT_MEMLOCK)[0] + " bytes";
        if (options.requireLock()) {
            Libc.munmap(pages);
            throw new CryptoException("secure memory could not be locked: " + reason);
        }
        LOG.log(Level.WARNING, "secure memory NOT locked, keys may be swapped to disk: {0}", reason);
        return new Slab(pages, false, reason, !advised.failed());
    }

    /**
     * @param slabBytes size of one slab (rounded up to whole pages); also the largest key
     * @param maxSlabs how many slabs may be mapped in total
     * @param requireLock fail instead of running degraded when {@code mlock} fails
     */
    public record Options(int slabBytes, int maxSlabs, boolean requireLock) {
        /** Validates the sizes. */
        public Options {
            if (slabBytes < Slab.UNIT || maxSlabs < 1) {
                throw new CryptoException("slabBytes must be >= 16 and maxSlabs >= 1");
            }
        }

        /** @return 64 KiB slabs, up to 64 of them (4 MiB, half the usual 8 MiB RLIMIT_MEMLOCK), degraded mode allowed */
        public static Options defaults() {
            return new Options(64 * 1024, 64, false);
        }
    }

    /**
     * @param locked every slab is locked in RAM
     * @param notLockedReason why not (errno text and RLIMIT_MEMLOCK), empty when locked
     * @param dumpExcluded every slab is marked MADV_DONTDUMP
     * @param bytesInUse bytes held by live keys (rounded to 16-byte units)
     * @param capacity bytes mapped
     * @param liveKeys handles not yet wiped
     * @param closed whether {@link #close()} has run
     */
    public record Status(boolean locked, String notLockedReason, boolean dumpExcluded, long bytesInUse,
                         long capacity, int liveKeys, boolean closed) {
    }
}
