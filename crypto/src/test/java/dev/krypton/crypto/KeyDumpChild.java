package dev.krypton.crypto;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Child JVM for {@link KeyDumpTest}. Reads a 32-byte key from a file with libc read(2) straight
 * into secure memory (so the key never passes through this JVM's heap on the way in), uses it many
 * times through the chosen engine in every operation that takes a key (as the key of a cipher and as
 * the payload of a wrap), stays idle while the parent reads its memory, then wipes it when told.
 */
public final class KeyDumpChild {
    private KeyDumpChild() {
    }

    public static void main(String[] args) throws Throwable {
        CryptoEngine engine = args[0].equals("native") ? NativeEngine.load() : new JceEngine();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle key = memory.allocate(32, block -> readFile(args[1], block));
            KeyHandle other = memory.random(32);
            for (int i = 0; i < 20_000; i++) {
                useAsKek(engine, memory, key, i);
                useAsPayload(engine, memory, other, key, i);
                if (i % 20 == 0) {
                    useOnce(engine, memory, key, i);
                }
            }
            System.out.println("READY");
            stdin.readLine();
            key.wipe();
            System.out.println("WIPED");
            stdin.readLine();
        }
    }

    /** Every operation that keys a cipher with {@code key}: GCM, RFC 3394 and 5649 wrap, both directions. */
    private static void useAsKek(CryptoEngine engine, SecureMemory memory, KeyHandle key, int i) {
        byte[] iv = new byte[12];
        iv[0] = (byte) i;
        byte[] aad = {1, 2, 3};
        byte[] dek = new byte[32];
        dek[1] = (byte) i;
        engine.gcmDecrypt(key, iv, aad, engine.gcmEncrypt(key, iv, aad, dek, 16), 16);
        engine.keyUnwrap(key, engine.keyWrap(key, dek));
        engine.keyUnwrapPad(key, engine.keyWrapPad(key, dek));
        engine.gcmDecryptToKey(key, iv, aad, engine.gcmEncryptKey(key, iv, aad, key), memory).wipe();
        engine.keyUnwrapToKey(key, engine.keyWrapKey(key, key), memory).wipe();
        engine.keyUnwrapPadToKey(key, engine.keyWrapPadKey(key, key), memory).wipe();
    }

    /** The key as the wrapped payload under another key, unwrapped back into secure memory. */
    private static void useAsPayload(CryptoEngine engine, SecureMemory memory, KeyHandle kek, KeyHandle key, int i) {
        byte[] iv = new byte[12];
        iv[1] = (byte) i;
        engine.gcmDecryptToKey(kek, iv, new byte[0], engine.gcmEncryptKey(kek, iv, new byte[0], key), memory).wipe();
        engine.keyUnwrapPadToKey(kek, engine.keyWrapPadKey(kek, key), memory).wipe();
    }

    /** The one-shot operations: AES-ECB/CBC/CTR, ChaCha20(-Poly1305), HKDF. */
    private static void useOnce(CryptoEngine engine, SecureMemory memory, KeyHandle key, int i) {
        byte[] data = new byte[48];
        data[0] = (byte) i;
        byte[] iv = new byte[16];
        for (AesMode mode : List.of(new AesMode.Ecb(AesMode.Padding.PKCS5), new AesMode.Cbc(iv, AesMode.Padding.NONE),
                new AesMode.Ctr(iv))) {
            engine.aesDecrypt(key, mode, engine.aesEncrypt(key, mode, data));
        }
        byte[] nonce = new byte[12];
        engine.chaCha20Poly1305Decrypt(key, nonce, data, engine.chaCha20Poly1305Encrypt(key, nonce, data, data));
        engine.chaCha20(key, iv, data);
        engine.hkdfSha256(key, nonce, data, 32);
        engine.hkdfSha256ToKey(key, nonce, data, 32, memory).wipe();
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
