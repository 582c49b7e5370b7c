package dev.krypton.crypto;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Child JVM for {@link KeyDumpTest}. Reads a 32-byte key from a file with libc read(2) straight
 * into secure memory (so the key never passes through this JVM's heap on the way in), uses it many
 * times through the chosen engine, then wipes it when told.
 */
public final class KeyDumpChild {
    private KeyDumpChild() {
    }

    public static void main(String[] args) throws Throwable {
        CryptoEngine engine = args[0].equals("native") ? NativeEngine.load() : new JceEngine();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle key = memory.allocate(32, block -> readFile(args[1], block));
            byte[] iv = new byte[12];
            byte[] dek = new byte[32];
            for (int i = 0; i < 20_000; i++) {
                iv[0] = (byte) i;
                dek[1] = (byte) i;
                byte[] wrapped = engine.gcmEncrypt(key, iv, new byte[0], dek, 16);
                engine.gcmDecrypt(key, iv, new byte[0], wrapped, 16);
                engine.keyUnwrapPad(key, engine.keyWrapPad(key, dek));
            }
            System.out.println("READY");
            stdin.readLine();
            key.wipe();
            System.out.println("WIPED");
            stdin.readLine();
        }
    }

    @SuppressWarnings("restricted")
    private static void readFile(String path, MemorySegment block) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
            MethodHandle read = linker.downcallHandle(linker.defaultLookup().find("read").orElseThrow(),
                    FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
            MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            int fd = (int) open.invokeExact(arena.allocateFrom(path), 0);
            long n = (long) read.invokeExact(fd, block, block.byteSize());
            int ignored = (int) close.invokeExact(fd);
            if (fd < 0 || n != block.byteSize()) {
                throw new CryptoException("could not read the key file");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new CryptoException("read failed", t);
        }
    }
}
