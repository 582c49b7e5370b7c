package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;

/**
 * Typed wrappers around the EVP cipher calls of {@link OpenSsl}: each turns OpenSSL's int status
 * into a Java value and keeps {@code invokeExact} casts in one place. Lengths come back as -1 on
 * failure. Segments may be native or (for the critical calls) Java arrays.
 */
final class Evp {
    /** One operation on a context keyed for it. */
    @FunctionalInterface
    interface KeyedUse<T> {
        T apply(MemorySegment ctx);
    }

    private Evp() {
    }

    /**
     * Runs one operation on a fresh context keyed with {@code key}, then frees the context. OpenSSL
     * allocates the key schedule inside the context with plain malloc (its secure heap does not
     * cover cipher contexts), so a context kept between calls would leave the schedule, whose
     * first round keys are the key itself, in swappable memory that core dumps include. Freeing
     * cleanses it; the schedule exists only while the operation runs.
     *
     * @param iv the IV or nonce, or {@link MemorySegment#NULL} to set it later in {@code use}
     * @throws CryptoException when OpenSSL refuses the key or IV (errors cleared); exceptions of
     *         {@code use} propagate after the context is freed and OpenSSL's error queue cleared
     */
    static <T> T withKeyedContext(MemorySegment cipher, MemorySegment key, MemorySegment iv, int enc,
                                  KeyedUse<T> use) {
        MemorySegment ctx = newContext();
        try {
            allowWrap(ctx);
            if (!init(ctx, cipher, key, iv, enc)) {
                throw new CryptoException("OpenSSL refused the key or IV");
            }
            return use.apply(ctx);
        } catch (RuntimeException | Error e) {
            clearErrors();
            throw e;
        } finally {
            free(ctx);
        }
    }

    static MemorySegment newContext() {
        try {
            MemorySegment ctx = (MemorySegment) OpenSsl.CTX_NEW.invokeExact();
            if (ctx.equals(MemorySegment.NULL)) {
                throw new CryptoException("EVP_CIPHER_CTX_new failed");
            }
            return ctx;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Frees the context; OpenSSL cleanses the key schedule it holds (OPENSSL_clear_free). */
    static void free(MemorySegment ctx) {
        try {
            OpenSsl.CTX_FREE.invokeExact(ctx);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static boolean init(MemorySegment ctx, MemorySegment cipher, MemorySegment key, MemorySegment iv, int enc) {
        try {
            return (int) OpenSsl.CIPHER_INIT.invokeExact(ctx, cipher, MemorySegment.NULL, key, iv, enc) == 1;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Lets a context use the key-wrap ciphers (OpenSSL refuses them otherwise); no effect on others. */
    private static void allowWrap(MemorySegment ctx) {
        try {
            OpenSsl.CTX_SET_FLAGS.invokeExact(ctx, OpenSsl.FLAG_WRAP_ALLOW);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void padding(MemorySegment ctx, boolean on) {
        try {
            int ignored = (int) OpenSsl.CTX_SET_PADDING.invokeExact(ctx, on ? 1 : 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static boolean ctrl(MemorySegment ctx, int type, int arg, MemorySegment ptr) {
        try {
            return (int) OpenSsl.CTX_CTRL.invokeExact(ctx, type, arg, ptr) > 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** @return bytes written, or -1 on failure */
    static int update(MemorySegment ctx, MemorySegment out, MemorySegment in) {
        int[] written = new int[1];
        try {
            int ok = (int) OpenSsl.CIPHER_UPDATE.invokeExact(ctx, out, MemorySegment.ofArray(written),
                    in, (int) in.byteSize());
            return ok == 1 ? written[0] : -1;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** @return bytes written, or -1 on failure (a tag or padding that does not verify) */
    static int finish(MemorySegment ctx, MemorySegment out) {
        int[] written = new int[1];
        try {
            int ok = (int) OpenSsl.CIPHER_FINAL.invokeExact(ctx, out, MemorySegment.ofArray(written));
            return ok == 1 ? written[0] : -1;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void clearErrors() {
        try {
            OpenSsl.ERR_CLEAR.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        return switch (t) {
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new CryptoException("OpenSSL call failed", t);
        };
    }
}
