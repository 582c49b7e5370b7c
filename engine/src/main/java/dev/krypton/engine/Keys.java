package dev.krypton.engine;

import dev.krypton.crypto.AesMode;
import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.CryptoException;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The engine's narrow view of the crypto module: keys live in {@link SecureMemory} and are used
 * only through the {@link CryptoEngine}, never copied to the heap. Every crypto failure becomes
 * CRYPTO without detail (a wiped key's loan failure included; callers re-check the tenant).
 * Blob layout for keys wrapped by L2: {@code nonce(12) || ciphertext || tag(16)} (docs/design.md 3).
 */
final class Keys {

    /** GCM output split as KMIP carries it. */
    record Sealed(byte[] ciphertext, byte[] tag) {
    }

    private static final int NONCE = 12;
    private static final int TAG = 16;

    private final SecureMemory memory;
    private final CryptoEngine crypto;

    Keys(SecureMemory memory, CryptoEngine crypto) {
        this.memory = memory;
        this.crypto = crypto;
    }

    SecureMemory memory() {
        return memory;
    }

    CryptoEngine crypto() {
        return crypto;
    }

    KeyHandle randomKey() {
        return randomKey(32);
    }

    KeyHandle randomKey(int bytes) {
        return call(() -> memory.random(bytes));
    }

    /** Copies caller material into secure memory; the caller zeroes its array. */
    KeyHandle copyOf(byte[] material) {
        return call(() -> memory.copyOf(material.clone()));
    }

    byte[] random(int n) {
        return call(() -> crypto.randomBytes(n));
    }

    byte[] wrapKey(KeyHandle kek, KeyHandle key, byte[] aad) {
        byte[] nonce = random(NONCE);
        byte[] ct = call(() -> crypto.gcmEncryptKey(kek, nonce, aad, key));
        return ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array();
    }

    KeyHandle unwrapKey(KeyHandle kek, byte[] blob, byte[] aad) {
        checkBlob(blob);
        return call(() -> crypto.gcmDecryptToKey(kek, Arrays.copyOf(blob, NONCE), aad,
                Arrays.copyOfRange(blob, NONCE, blob.length), memory));
    }

    /** Decrypts an L2-wrapped blob to the heap: only for a KMIP Get of extractable material. */
    byte[] open(KeyHandle kek, byte[] blob, byte[] aad) {
        checkBlob(blob);
        return call(() -> crypto.gcmDecrypt(kek, Arrays.copyOf(blob, NONCE), aad,
                Arrays.copyOfRange(blob, NONCE, blob.length), TAG));
    }

    Sealed gcmEncrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] plaintext) {
        return gcmEncrypt(key, iv, aad, plaintext, TAG);
    }

    Sealed gcmEncrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] plaintext, int tagLen) {
        return split(call(() -> crypto.gcmEncrypt(key, iv, aad, plaintext, tagLen)), tagLen);
    }

    byte[] gcmDecrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
        return call(() -> crypto.gcmDecrypt(key, iv, aad, join(ciphertext, tag), tag.length));
    }

    Sealed chaChaEncrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return split(call(() -> crypto.chaCha20Poly1305Encrypt(key, nonce, aad, plaintext)), TAG);
    }

    /**
     * ChaCha20-Poly1305 decryption; a tag shorter than 16 bytes (a client's truncated tag) is
     * checked against the prefix of the recomputed one, in constant time, before the plaintext
     * is returned.
     */
    byte[] chaChaDecrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] ciphertext, byte[] tag) {
        if (tag.length == TAG) {
            return call(() -> crypto.chaCha20Poly1305Decrypt(key, nonce, aad, join(ciphertext, tag)));
        }
        byte[] counterOne = ByteBuffer.allocate(16).put((byte) 1).put(new byte[3]).put(nonce).array();
        byte[] plain = call(() -> crypto.chaCha20(key, counterOne, ciphertext));
        byte[] full = chaChaEncrypt(key, nonce, aad, plain).tag();
        if (!java.security.MessageDigest.isEqual(Arrays.copyOf(full, tag.length), tag)) {
            Arrays.fill(plain, (byte) 0);
            throw new EngineException(ErrorCode.CRYPTO, "cryptographic failure");
        }
        return plain;
    }

    /** The bare ChaCha20 stream; {@code counterAndNonce} as {@link CryptoEngine#chaCha20} takes it. */
    byte[] chaCha20(KeyHandle key, byte[] counterAndNonce, byte[] input) {
        return call(() -> crypto.chaCha20(key, counterAndNonce, input));
    }

    byte[] aesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        return call(() -> crypto.aesEncrypt(key, mode, plaintext));
    }

    byte[] aesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        return call(() -> crypto.aesDecrypt(key, mode, ciphertext));
    }

    byte[] tdesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        return call(() -> crypto.tdesEncrypt(key, mode, plaintext));
    }

    byte[] tdesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        return call(() -> crypto.tdesDecrypt(key, mode, ciphertext));
    }

    private static Sealed split(byte[] out, int tagLen) {
        return new Sealed(Arrays.copyOf(out, out.length - tagLen), Arrays.copyOfRange(out, out.length - tagLen, out.length));
    }

    private static byte[] join(byte[] ciphertext, byte[] tag) {
        return ByteBuffer.allocate(ciphertext.length + tag.length).put(ciphertext).put(tag).array();
    }

    byte[] keyWrap(KeyHandle kek, byte[] plaintext, boolean pad) {
        if (!pad && (plaintext.length < 16 || plaintext.length % 8 != 0)) {
            throw EngineException.invalid("AES key wrap (RFC 3394) needs at least 16 bytes in multiples of 8");
        }
        if (pad && plaintext.length == 0) {
            throw EngineException.invalid("AES key wrap with padding (RFC 5649) needs at least 1 byte");
        }
        return call(() -> pad ? crypto.keyWrapPad(kek, plaintext) : crypto.keyWrap(kek, plaintext));
    }

    byte[] keyUnwrap(KeyHandle kek, byte[] wrapped, boolean pad) {
        if (wrapped.length < 16 || wrapped.length % 8 != 0) {
            throw new EngineException(ErrorCode.CRYPTO, "wrapped key has an impossible length");
        }
        return call(() -> pad ? crypto.keyUnwrapPad(kek, wrapped) : crypto.keyUnwrap(kek, wrapped));
    }

    private static void checkBlob(byte[] blob) {
        if (blob.length <= NONCE + TAG) {
            throw new EngineException(ErrorCode.CRYPTO, "wrapped blob is too short");
        }
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (CryptoException e) {
            throw new EngineException(ErrorCode.CRYPTO, "cryptographic failure", e);
        }
    }
}
