package dev.krypton.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * HKDF-SHA-256 through OpenSSL's EVP_KDF "HKDF" (RFC 5869 extract-then-expand) and RAND_bytes.
 * The input key is passed by address from secure memory. The OSSL_PARAM array is laid out by hand:
 * <pre>
 *  0: const char *key   8: unsigned int data_type (+4 pad)   16: void *data
 * 24: size_t data_size  32: size_t return_size               (40 bytes each, a NULL key ends it)
 * </pre>
 */
final class NativeKdf {
    private static final int PARAM_SIZE = 40;
    private static final int UTF8_STRING = 4;
    private static final int OCTET_STRING = 5;
    private static final MemorySegment HKDF = fetchHkdf();

    private NativeKdf() {
    }

    /** Derives {@code out.byteSize()} bytes into {@code out} (native, or a Java array via a native copy). */
    static void hkdf(KeyHandle ikm, byte[] salt, byte[] info, MemorySegment out) {
        ((SlabKeyHandle) ikm).lend(key -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment target = out.isNative() ? out : arena.allocate(out.byteSize());
                MemorySegment params = arena.allocate(PARAM_SIZE * 5L);
                int i = 0;
                param(params, i++, arena.allocateFrom("digest"), UTF8_STRING, arena.allocateFrom("SHA256"), 6);
                param(params, i++, arena.allocateFrom("key"), OCTET_STRING, key, key.byteSize());
                if (salt.length > 0) {
                    param(params, i++, arena.allocateFrom("salt"), OCTET_STRING, arena.allocateFrom(JAVA_BYTE, salt), salt.length);
                }
                if (info.length > 0) {
                    param(params, i, arena.allocateFrom("info"), OCTET_STRING, arena.allocateFrom(JAVA_BYTE, info), info.length);
                }
                MemorySegment ctx = (MemorySegment) OpenSsl.KDF_CTX_NEW.invokeExact(HKDF);
                int ok;
                try {
                    ok = (int) OpenSsl.KDF_DERIVE.invokeExact(ctx, target, target.byteSize(), params);
                } finally {
                    OpenSsl.KDF_CTX_FREE.invokeExact(ctx);
                }
                if (ok != 1) {
                    Evp.clearErrors();
                    throw new CryptoException("HKDF failed");
                }
                if (target != out) {
                    MemorySegment.copy(target, 0, out, 0, out.byteSize());
                    target.fill((byte) 0);
                }
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new CryptoException("HKDF call failed", t);
            }
        });
    }

    static byte[] random(int length) {
        if (length == 0) {
            return new byte[0];
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(length);
            int ok = (int) OpenSsl.RAND_BYTES.invokeExact(buffer, length);
            if (ok != 1) {
                Evp.clearErrors();
                throw new CryptoException("RAND_bytes failed");
            }
            byte[] out = buffer.toArray(JAVA_BYTE);
            buffer.fill((byte) 0);
            return out;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CryptoException("RAND_bytes call failed", t);
        }
    }

    private static void param(MemorySegment params, int index, MemorySegment name, int type,
                              MemorySegment data, long size) {
        long base = (long) index * PARAM_SIZE;
        params.set(ADDRESS, base, name);
        params.set(JAVA_INT, base + 8, type);
        params.set(ADDRESS, base + 16, data);
        params.set(JAVA_LONG, base + 24, size);
        params.set(JAVA_LONG, base + 32, 0L);
    }

    private static MemorySegment fetchHkdf() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment kdf = (MemorySegment) OpenSsl.KDF_FETCH.invokeExact(
                    MemorySegment.NULL, arena.allocateFrom("HKDF"), MemorySegment.NULL);
            if (kdf.equals(MemorySegment.NULL)) {
                throw new CryptoException("OpenSSL has no HKDF");
            }
            return kdf;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CryptoException("EVP_KDF_fetch failed", t);
        }
    }
}
