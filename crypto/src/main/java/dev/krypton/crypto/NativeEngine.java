package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.Arrays;

/**
 * The engine over OpenSSL libcrypto 3 through FFM. Keys are passed to OpenSSL by address straight
 * from secure memory. Every operation keys a fresh OpenSSL context and frees it before returning
 * ({@link Evp#withKeyedContext}), so an expanded key schedule exists outside secure memory only
 * while its operation runs, and is cleansed when freed. Inputs and outputs that are Java arrays
 * are read and written in place by critical downcalls; key outputs (unwrap to key) are written into
 * secure memory directly, so no key byte of a {@code *Key}/{@code *ToKey} operation touches the heap.
 */
@SuppressWarnings("restricted") // this module exists to reach native memory and libraries
public final class NativeEngine implements CryptoEngine {
    private final String version;

    private NativeEngine(String version) {
        this.version = version;
    }

    /**
     * Loads {@code libcrypto.so.3} and binds it.
     *
     * @return the engine
     * @throws CryptoException when the library is missing or older than 3.0
     */
    public static NativeEngine load() {
        try {
            SymbolLookup.libraryLookup(OpenSsl.LIBRARY, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new CryptoException(OpenSsl.LIBRARY + " cannot be loaded");
        }
        try {
            return new NativeEngine(OpenSsl.version());
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new CryptoException(OpenSsl.LIBRARY + " lacks a required function", e);
        }
    }

    @Override
    public String name() {
        return "openssl " + version;
    }

    @Override
    public byte[] gcmEncrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] plaintext, int tagLen) {
        Checks.gcm(key, iv, tagLen);
        byte[] out = new byte[plaintext.length + tagLen];
        MemorySegment o = MemorySegment.ofArray(out);
        gcm(key, Kind.GCM_ENCRYPT, iv, aad, MemorySegment.ofArray(plaintext), o,
                o.asSlice(plaintext.length));
        return out;
    }

    @Override
    public byte[] gcmDecrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] ctAndTag, int tagLen) {
        Checks.gcmDecrypt(key, iv, ctAndTag, tagLen);
        int n = ctAndTag.length - tagLen;
        byte[] out = new byte[n];
        MemorySegment in = MemorySegment.ofArray(ctAndTag);
        try {
            gcm(key, Kind.GCM_DECRYPT, iv, aad, in.asSlice(0, n), MemorySegment.ofArray(out), in.asSlice(n));
        } catch (CryptoException e) {
            Arrays.fill(out, (byte) 0);
            throw e;
        }
        return out;
    }

    @Override
    public KeyHandle gcmDecryptToKey(KeyHandle kek, byte[] iv, byte[] aad, byte[] ctAndTag, SecureMemory into) {
        Checks.gcmDecrypt(kek, iv, ctAndTag, Checks.GCM_TAG);
        int n = ctAndTag.length - Checks.GCM_TAG;
        Checks.require(n > 0, "GCM-wrapped key must not be empty");
        MemorySegment in = MemorySegment.ofArray(ctAndTag);
        return into.allocate(n, block ->
                gcm(kek, Kind.GCM_DECRYPT, iv, aad, in.asSlice(0, n), block, in.asSlice(n)));
    }

    @Override
    public byte[] gcmEncryptKey(KeyHandle kek, byte[] iv, byte[] aad, KeyHandle key) {
        Checks.gcm(kek, iv, Checks.GCM_TAG);
        byte[] out = new byte[key.length() + Checks.GCM_TAG];
        MemorySegment o = MemorySegment.ofArray(out);
        lend(key, keyBytes -> {
            gcm(kek, Kind.GCM_ENCRYPT, iv, aad, keyBytes, o, o.asSlice(key.length()));
            return null;
        });
        return out;
    }

    @Override
    public byte[] keyWrap(KeyHandle kek, byte[] plaintext) {
        Checks.wrap(kek, plaintext.length);
        return wrapToArray(kek, Kind.WRAP_ENCRYPT, MemorySegment.ofArray(plaintext), plaintext.length + 8);
    }

    @Override
    public byte[] keyUnwrap(KeyHandle kek, byte[] wrapped) {
        Checks.unwrap(kek, wrapped);
        return wrapToArray(kek, Kind.WRAP_DECRYPT, MemorySegment.ofArray(wrapped), wrapped.length);
    }

    @Override
    public byte[] keyWrapKey(KeyHandle kek, KeyHandle key) {
        Checks.wrap(kek, key.length());
        return lend(key, k -> wrapToArray(kek, Kind.WRAP_ENCRYPT, k, key.length() + 8));
    }

    @Override
    public KeyHandle keyUnwrapToKey(KeyHandle kek, byte[] wrapped, SecureMemory into) {
        Checks.unwrap(kek, wrapped);
        return unwrapToKey(kek, Kind.WRAP_DECRYPT, wrapped, into);
    }

    @Override
    public byte[] keyWrapPad(KeyHandle kek, byte[] plaintext) {
        Checks.wrapPad(kek, plaintext.length);
        return wrapToArray(kek, Kind.WRAP_PAD_ENCRYPT, MemorySegment.ofArray(plaintext), plaintext.length + 16);
    }

    @Override
    public byte[] keyUnwrapPad(KeyHandle kek, byte[] wrapped) {
        Checks.unwrapPad(kek, wrapped);
        return wrapToArray(kek, Kind.WRAP_PAD_DECRYPT, MemorySegment.ofArray(wrapped), wrapped.length);
    }

    @Override
    public byte[] keyWrapPadKey(KeyHandle kek, KeyHandle key) {
        Checks.wrapPad(kek, key.length());
        return lend(key, k -> wrapToArray(kek, Kind.WRAP_PAD_ENCRYPT, k, key.length() + 16));
    }

    @Override
    public KeyHandle keyUnwrapPadToKey(KeyHandle kek, byte[] wrapped, SecureMemory into) {
        Checks.unwrapPad(kek, wrapped);
        return unwrapToKey(kek, Kind.WRAP_PAD_DECRYPT, wrapped, into);
    }

    @Override
    public byte[] aesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        Checks.aes(key, mode, plaintext.length, false);
        return NativeOneShot.aes(key, mode, 1, plaintext);
    }

    @Override
    public byte[] aesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        Checks.aes(key, mode, ciphertext.length, true);
        return NativeOneShot.aes(key, mode, 0, ciphertext);
    }

    @Override
    public byte[] tdesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        Checks.tdes(key, mode, plaintext.length, false);
        return NativeOneShot.tdes(key, mode, 1, plaintext);
    }

    @Override
    public byte[] tdesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        Checks.tdes(key, mode, ciphertext.length, true);
        return NativeOneShot.tdes(key, mode, 0, ciphertext);
    }

    @Override
    public byte[] chaCha20Poly1305Encrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Checks.chaCha(key, nonce);
        return NativeOneShot.chaCha(key, 1, nonce, aad, plaintext);
    }

    @Override
    public byte[] chaCha20(KeyHandle key, byte[] counterAndNonce, byte[] input) {
        Checks.chaCha20(key, counterAndNonce);
        return NativeOneShot.chaCha20(key, counterAndNonce, input);
    }

    @Override
    public byte[] chaCha20Poly1305Decrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] ctAndTag) {
        Checks.chaChaDecrypt(key, nonce, ctAndTag);
        return NativeOneShot.chaCha(key, 0, nonce, aad, ctAndTag);
    }

    @Override
    public byte[] hkdfSha256(KeyHandle ikm, byte[] salt, byte[] info, int length) {
        Checks.hkdf(length);
        byte[] out = new byte[length];
        NativeKdf.hkdf(ikm, salt, info, MemorySegment.ofArray(out));
        return out;
    }

    @Override
    public KeyHandle hkdfSha256ToKey(KeyHandle ikm, byte[] salt, byte[] info, int length, SecureMemory into) {
        Checks.hkdf(length);
        return into.allocate(length, block -> NativeKdf.hkdf(ikm, salt, info, block));
    }

    @Override
    public byte[] randomBytes(int length) {
        Checks.random(length);
        return NativeKdf.random(length);
    }

    @Override
    public String toString() {
        return "NativeEngine[" + version + "]";
    }

    /** Runs one GCM operation on a fresh context keyed with {@code key}; throws on a bad tag. */
    private void gcm(KeyHandle key, Kind kind, byte[] iv, byte[] aad,
                     MemorySegment in, MemorySegment out, MemorySegment tag) {
        // OpenSSL's GCM contexts start with a 12-byte IV; any other length is set before the IV.
        boolean defaultIv = iv.length == 12;
        withContext(key, kind, defaultIv ? MemorySegment.ofArray(iv) : MemorySegment.NULL, ctx -> {
            boolean ok = defaultIv
                    || Evp.ctrl(ctx, OpenSsl.CTRL_AEAD_SET_IVLEN, iv.length, MemorySegment.NULL)
                    && Evp.init(ctx, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.ofArray(iv), kind.enc);
            Checks.require(ok, "OpenSSL refused the GCM IV length");
            ok = (aad.length == 0 || Evp.update(ctx, MemorySegment.NULL, MemorySegment.ofArray(aad)) >= 0)
                    && (in.byteSize() == 0 || Evp.update(ctx, out, in) == in.byteSize());
            int tagLen = (int) tag.byteSize();
            if (ok && kind.enc == 0) {
                ok = Evp.ctrl(ctx, OpenSsl.CTRL_AEAD_SET_TAG, tagLen, tag)
                        && Evp.finish(ctx, out.asSlice(in.byteSize())) == 0;
                if (!ok) {
                    out.fill((byte) 0);
                    throw new CryptoException("authentication failed");
                }
            } else if (ok) {
                ok = Evp.finish(ctx, out.asSlice(in.byteSize())) == 0
                        && Evp.ctrl(ctx, OpenSsl.CTRL_AEAD_GET_TAG, tagLen, tag);
            }
            Checks.require(ok, "GCM operation failed");
            return null;
        });
    }

    private byte[] wrapToArray(KeyHandle kek, Kind kind, MemorySegment in, int capacity) {
        byte[] out = new byte[capacity];
        int n = withContext(kek, kind, MemorySegment.NULL, ctx -> Evp.update(ctx, MemorySegment.ofArray(out), in));
        if (n <= 0) {
            Arrays.fill(out, (byte) 0);
            Evp.clearErrors();
            throw new CryptoException(kind.enc == 1 ? "key wrap failed" : "key unwrap failed");
        }
        byte[] result = Arrays.copyOf(out, n);
        Arrays.fill(out, (byte) 0);
        return result;
    }

    /** Unwraps into a scratch block of secure memory, then into an exact-size one (KWP hides the length). */
    private KeyHandle unwrapToKey(KeyHandle kek, Kind kind, byte[] wrapped, SecureMemory into) {
        int[] length = new int[1];
        try (KeyHandle scratch = into.allocate(wrapped.length, block -> {
            length[0] = withContext(kek, kind, MemorySegment.NULL,
                    ctx -> Evp.update(ctx, block, MemorySegment.ofArray(wrapped)));
            if (length[0] <= 0) {
                Evp.clearErrors();
                throw new CryptoException("key unwrap failed");
            }
        })) {
            return lend(scratch, s -> into.allocate(length[0],
                    block -> MemorySegment.copy(s, 0, block, 0, length[0])));
        }
    }

    /** What an operation keys its context for: the cipher family and the direction. */
    private enum Kind {
        GCM_ENCRYPT("GCM", 1), GCM_DECRYPT("GCM", 0),
        WRAP_ENCRYPT("WRAP", 1), WRAP_DECRYPT("WRAP", 0),
        WRAP_PAD_ENCRYPT("WRAP-PAD", 1), WRAP_PAD_DECRYPT("WRAP-PAD", 0);

        final int enc;
        /** Cipher names for 16-, 24- and 32-byte keys, built once rather than per operation. */
        private final String[] names;

        Kind(String family, int enc) {
            this.enc = enc;
            this.names = new String[] {"AES-128-" + family, "AES-192-" + family, "AES-256-" + family};
        }

        MemorySegment cipher(int keyLength) {
            return OpenSsl.cipher(names[keyLength / 8 - 2]);
        }
    }

    private static <T> T withContext(KeyHandle key, Kind kind, MemorySegment iv, Evp.KeyedUse<T> use) {
        MemorySegment cipher = kind.cipher(key.length());
        return lend(key, k -> Evp.withKeyedContext(cipher, k, iv, kind.enc, use));
    }

    private static <T> T lend(KeyHandle key, KeyLoan<T> loan) {
        return ((SlabKeyHandle) key).lend(loan);
    }
}
