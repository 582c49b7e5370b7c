package dev.krypton.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The few Linux libc calls secure memory and process hardening need, as FFM downcalls that capture
 * {@code errno}. Constants are the x86-64/aarch64 Linux values (mman-linux.h, prctl.h, resource.h).
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
final class Libc {
    static final int PROT_READ_WRITE = 0x1 | 0x2;
    static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    static final int MADV_DONTDUMP = 16;
    static final int PR_GET_DUMPABLE = 3;
    static final int PR_SET_DUMPABLE = 4;
    static final int RLIMIT_CORE = 4;
    static final int RLIMIT_MEMLOCK = 8;
    static final int ENOMEM = 12;

    /** A call's return value and the errno it left (meaningful only when the call failed). */
    record Outcome(long value, int errno) {
        boolean failed() {
            return value == -1;
        }
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MMAP = errnoCall("mmap", FunctionDescriptor.of(ADDRESS,
            ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = errnoCall("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MLOCK = errnoCall("mlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MUNLOCK = errnoCall("munlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MADVISE = errnoCall("madvise",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle GETRANDOM = errnoCall("getrandom",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle PRCTL = LINKER.downcallHandle(find("prctl"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle GETRLIMIT = errnoCall("getrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle SETRLIMIT = errnoCall("setrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(find("strerror"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    static Outcome mmap(long length) {
        return call(MMAP, MemorySegment.NULL, length, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
    }

    static Outcome munmap(MemorySegment pages) {
        return call(MUNMAP, pages, pages.byteSize());
    }

    static Outcome mlock(MemorySegment pages) {
        return call(MLOCK, pages, pages.byteSize());
    }

    static Outcome munlock(MemorySegment pages) {
        return call(MUNLOCK, pages, pages.byteSize());
    }

    static Outcome madvise(MemorySegment pages, int advice) {
        return call(MADVISE, pages, pages.byteSize(), advice);
    }

    static Outcome getrandom(MemorySegment into) {
        return call(GETRANDOM, into, into.byteSize(), 0);
    }

    static Outcome prctl(int option, long arg) {
        return call(PRCTL, option, arg, 0L, 0L, 0L);
    }

    /** @return {soft, hard} limit of {@code resource} */
    static long[] getrlimit(int resource) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limit = arena.allocate(JAVA_LONG, 2);
            Outcome outcome = call(GETRLIMIT, resource, limit);
            if (outcome.failed()) {
                throw new CryptoException("getrlimit failed: " + strerror(outcome.errno()));
            }
            return limit.toArray(JAVA_LONG);
        }
    }

    static Outcome setrlimit(int resource, long soft, long hard) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limit = arena.allocateFrom(JAVA_LONG, soft, hard);
            return call(SETRLIMIT, resource, limit);
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static Outcome call(MethodHandle handle, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            Object[] full = new Object[args.length + 1];
            full[0] = state;
            System.arraycopy(args, 0, full, 1, args.length);
            Object result = handle.invokeWithArguments(full);
            long value = switch (result) {
                case Integer i -> i;
                case Long l -> l;
                case MemorySegment m -> m.address() == -1L ? -1L : m.address();
                default -> throw new IllegalStateException("unexpected libc result type");
            };
            return new Outcome(value, (int) ERRNO.get(state, 0L));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new CryptoException("libc call failed", t);
        }
    }

    private static MethodHandle errnoCall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor, Linker.Option.captureCallState("errno"));
    }

    private static MemorySegment find(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new CryptoException("libc function not found: " + name));
    }
}
