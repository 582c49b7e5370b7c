package dev.krypton.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * FFM bindings to OpenSSL 3 {@code libcrypto.so.3} (loaded by that versioned name: the unversioned
 * one ships only with the -dev package). The per-operation calls are bound as {@linkplain
 * Linker.Option#critical(boolean) critical} with heap access: they neither block nor call back, so
 * they skip the thread-state transition and read and write Java arrays in place, which avoids
 * native scratch buffers and a copy per call. Ciphers are fetched once by name (EVP_CIPHER_fetch),
 * so no operation pays OpenSSL 3's implicit fetch.
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
final class OpenSsl {
    static final String LIBRARY = "libcrypto.so.3";
    static final int CTRL_AEAD_SET_IVLEN = 0x9;
    static final int CTRL_AEAD_GET_TAG = 0x10;
    static final int CTRL_AEAD_SET_TAG = 0x11;
    static final int FLAG_WRAP_ALLOW = 0x1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIB = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);

    static final MethodHandle CTX_NEW = bind("EVP_CIPHER_CTX_new", FunctionDescriptor.of(ADDRESS));
    static final MethodHandle CTX_FREE = bind("EVP_CIPHER_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle CTX_SET_FLAGS = bind("EVP_CIPHER_CTX_set_flags",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT), CRITICAL);
    static final MethodHandle CTX_SET_PADDING = bind("EVP_CIPHER_CTX_set_padding",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CRITICAL);
    static final MethodHandle CTX_CTRL = bind("EVP_CIPHER_CTX_ctrl",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), CRITICAL);
    static final MethodHandle CIPHER_INIT = bind("EVP_CipherInit_ex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), CRITICAL);
    static final MethodHandle CIPHER_UPDATE = bind("EVP_CipherUpdate",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), CRITICAL);
    static final MethodHandle CIPHER_FINAL = bind("EVP_CipherFinal_ex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), CRITICAL);
    static final MethodHandle CIPHER_FETCH = bind("EVP_CIPHER_fetch",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle RAND_BYTES = bind("RAND_bytes", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle ERR_CLEAR = bind("ERR_clear_error", FunctionDescriptor.ofVoid());
    static final MethodHandle VERSION_TEXT = bind("OpenSSL_version", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    static final MethodHandle VERSION_MAJOR = bind("OPENSSL_version_major", FunctionDescriptor.of(JAVA_INT));
    static final MethodHandle VERSION_MAJOR_CRITICAL = bind("OPENSSL_version_major",
            FunctionDescriptor.of(JAVA_INT), Linker.Option.critical(false));
    static final MethodHandle KDF_FETCH = bind("EVP_KDF_fetch", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle KDF_CTX_NEW = bind("EVP_KDF_CTX_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
    static final MethodHandle KDF_CTX_FREE = bind("EVP_KDF_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle KDF_DERIVE = bind("EVP_KDF_derive",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));

    private static final Map<String, MemorySegment> CIPHERS = new ConcurrentHashMap<>();

    private OpenSsl() {
    }

    /** @return the fetched cipher of that OpenSSL name, fetched once and kept for the process */
    static MemorySegment cipher(String name) {
        return CIPHERS.computeIfAbsent(name, n -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment cipher = (MemorySegment) CIPHER_FETCH.invokeExact(
                        MemorySegment.NULL, arena.allocateFrom(n), MemorySegment.NULL);
                if (cipher.equals(MemorySegment.NULL)) {
                    throw new CryptoException("OpenSSL has no cipher " + n);
                }
                return cipher;
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new CryptoException("EVP_CIPHER_fetch failed", t);
            }
        });
    }

    static String version() {
        try {
            MemorySegment text = (MemorySegment) VERSION_TEXT.invokeExact(0);
            int major = (int) VERSION_MAJOR.invokeExact();
            if (major < 3) {
                throw new CryptoException("OpenSSL 3 or newer required, found major version " + major);
            }
            return text.reinterpret(128).getString(0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new CryptoException("OpenSSL_version failed", t);
        }
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIB.find(name)
                .orElseThrow(() -> new CryptoException(LIBRARY + " lacks " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
