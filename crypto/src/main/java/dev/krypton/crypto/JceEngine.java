package dev.krypton.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pure-JCE engine: the fallback when libcrypto cannot be loaded, and the test oracle.
 *
 * <p><b>Heap exposure, honestly:</b> JCE takes keys only as {@code SecretKeySpec}, which holds its
 * own copy of the key bytes on the Java heap, and its ciphers keep the expanded key schedule in
 * heap arrays. This engine copies the key out of secure memory for each operation and zeroes its own
 * copy at once, but the copies inside {@code SecretKeySpec} and the cipher stay on the heap until
 * the garbage collector reuses that memory. Use {@link NativeEngine} wherever libcrypto exists.
 */
public final class JceEngine implements CryptoEngine {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String name() {
        return "jce " + System.getProperty("java.vendor") + " " + Runtime.version();
    }

    @Override
    public byte[] gcmEncrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] plaintext, int tagLen) {
        Checks.gcm(key, iv, tagLen);
        return gcm(key, Cipher.ENCRYPT_MODE, iv, aad, plaintext, tagLen);
    }

    @Override
    public byte[] gcmDecrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] ctAndTag, int tagLen) {
        Checks.gcmDecrypt(key, iv, ctAndTag, tagLen);
        return gcm(key, Cipher.DECRYPT_MODE, iv, aad, ctAndTag, tagLen);
    }

    @Override
    public KeyHandle gcmDecryptToKey(KeyHandle kek, byte[] iv, byte[] aad, byte[] ctAndTag, SecureMemory into) {
        return into.copyOf(gcmDecrypt(kek, iv, aad, ctAndTag, Checks.GCM_TAG));
    }

    @Override
    public byte[] gcmEncryptKey(KeyHandle kek, byte[] iv, byte[] aad, KeyHandle key) {
        return withHeapCopy(key, bytes -> gcmEncrypt(kek, iv, aad, bytes, Checks.GCM_TAG));
    }

    @Override
    public byte[] keyWrap(KeyHandle kek, byte[] plaintext) {
        Checks.wrap(kek, plaintext.length);
        return run(kek, "AES/KW/NoPadding", Cipher.ENCRYPT_MODE, plaintext);
    }

    @Override
    public byte[] keyUnwrap(KeyHandle kek, byte[] wrapped) {
        Checks.unwrap(kek, wrapped);
        return run(kek, "AES/KW/NoPadding", Cipher.DECRYPT_MODE, wrapped);
    }

    @Override
    public byte[] keyWrapKey(KeyHandle kek, KeyHandle key) {
        return withHeapCopy(key, bytes -> keyWrap(kek, bytes));
    }

    @Override
    public KeyHandle keyUnwrapToKey(KeyHandle kek, byte[] wrapped, SecureMemory into) {
        return into.copyOf(keyUnwrap(kek, wrapped));
    }

    @Override
    public byte[] keyWrapPad(KeyHandle kek, byte[] plaintext) {
        Checks.wrapPad(kek, plaintext.length);
        return run(kek, "AES/KWP/NoPadding", Cipher.ENCRYPT_MODE, plaintext);
    }

    @Override
    public byte[] keyUnwrapPad(KeyHandle kek, byte[] wrapped) {
        Checks.unwrapPad(kek, wrapped);
        return run(kek, "AES/KWP/NoPadding", Cipher.DECRYPT_MODE, wrapped);
    }

    @Override
    public byte[] keyWrapPadKey(KeyHandle kek, KeyHandle key) {
        return withHeapCopy(key, bytes -> keyWrapPad(kek, bytes));
    }

    @Override
    public KeyHandle keyUnwrapPadToKey(KeyHandle kek, byte[] wrapped, SecureMemory into) {
        return into.copyOf(keyUnwrapPad(kek, wrapped));
    }

    @Override
    public byte[] aesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        Checks.aes(key, mode, plaintext.length, false);
        return aes(key, mode, Cipher.ENCRYPT_MODE, plaintext);
    }

    @Override
    public byte[] tdesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext) {
        Checks.tdes(key, mode, plaintext.length, false);
        return block(key, "DESede", mode, Cipher.ENCRYPT_MODE, plaintext);
    }

    @Override
    public byte[] tdesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        Checks.tdes(key, mode, ciphertext.length, true);
        return block(key, "DESede", mode, Cipher.DECRYPT_MODE, ciphertext);
    }

    @Override
    public byte[] aesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext) {
        Checks.aes(key, mode, ciphertext.length, true);
        return aes(key, mode, Cipher.DECRYPT_MODE, ciphertext);
    }

    @Override
    public byte[] chaCha20Poly1305Encrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Checks.chaCha(key, nonce);
        return chaCha(key, Cipher.ENCRYPT_MODE, nonce, aad, plaintext);
    }

    @Override
    public byte[] chaCha20(KeyHandle key, byte[] counterAndNonce, byte[] input) {
        Checks.chaCha20(key, counterAndNonce);
        int counter = java.nio.ByteBuffer.wrap(counterAndNonce, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] nonce = java.util.Arrays.copyOfRange(counterAndNonce, 4, 16);
        return withSpec(key, "ChaCha20", spec -> {
            Cipher cipher = Cipher.getInstance("ChaCha20");
            cipher.init(Cipher.ENCRYPT_MODE, spec, new javax.crypto.spec.ChaCha20ParameterSpec(nonce, counter));
            return cipher.doFinal(input);
        });
    }

    @Override
    public byte[] chaCha20Poly1305Decrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] ctAndTag) {
        Checks.chaChaDecrypt(key, nonce, ctAndTag);
        return chaCha(key, Cipher.DECRYPT_MODE, nonce, aad, ctAndTag);
    }

    @Override
    public byte[] hkdfSha256(KeyHandle ikm, byte[] salt, byte[] info, int length) {
        Checks.hkdf(length);
        return withHeapCopy(ikm, ikmBytes -> JceHkdf.derive(ikmBytes, salt, info, length));
    }

    @Override
    public KeyHandle hkdfSha256ToKey(KeyHandle ikm, byte[] salt, byte[] info, int length, SecureMemory into) {
        return into.copyOf(hkdfSha256(ikm, salt, info, length));
    }

    @Override
    public byte[] randomBytes(int length) {
        Checks.random(length);
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    @Override
    public String toString() {
        return "JceEngine";
    }

    private byte[] gcm(KeyHandle key, int mode, byte[] iv, byte[] aad, byte[] input, int tagLen) {
        return withSpec(key, "AES", spec -> {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, spec, new GCMParameterSpec(tagLen * 8, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        });
    }

    private byte[] aes(KeyHandle key, AesMode mode, int direction, byte[] input) {
        return block(key, "AES", mode, direction, input);
    }

    private static byte[] block(KeyHandle key, String algorithm, AesMode mode, int direction, byte[] input) {
        return withSpec(key, algorithm, spec -> {
            Cipher cipher = switch (mode) {
                case AesMode.Ecb(AesMode.Padding p) -> Cipher.getInstance(algorithm + "/ECB/" + padding(p));
                case AesMode.Cbc(byte[] iv, AesMode.Padding p) -> Cipher.getInstance(algorithm + "/CBC/" + padding(p));
                case AesMode.Ctr(byte[] counter) -> Cipher.getInstance(algorithm + "/CTR/NoPadding");
            };
            switch (mode) {
                case AesMode.Ecb e -> cipher.init(direction, spec);
                case AesMode.Cbc(byte[] iv, AesMode.Padding p) -> cipher.init(direction, spec, new IvParameterSpec(iv));
                case AesMode.Ctr(byte[] counter) -> cipher.init(direction, spec, new IvParameterSpec(counter));
            }
            return cipher.doFinal(input);
        });
    }

    private static String padding(AesMode.Padding padding) {
        return switch (padding) {
            case NONE -> "NoPadding";
            case PKCS5 -> "PKCS5Padding";
        };
    }

    private byte[] chaCha(KeyHandle key, int mode, byte[] nonce, byte[] aad, byte[] input) {
        return withSpec(key, "ChaCha20", spec -> {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(mode, spec, new IvParameterSpec(nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        });
    }

    private byte[] run(KeyHandle key, String transformation, int mode, byte[] input) {
        return withSpec(key, "AES", spec -> {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, spec);
            return cipher.doFinal(input);
        });
    }

    @FunctionalInterface
    private interface JceCall {
        byte[] apply(SecretKeySpec spec) throws GeneralSecurityException;
    }

    private static byte[] withSpec(KeyHandle key, String algorithm, JceCall call) {
        return withHeapCopy(key, bytes -> {
            try {
                return call.apply(new SecretKeySpec(bytes, algorithm));
            } catch (AEADBadTagException e) {
                throw new CryptoException("authentication failed");
            } catch (GeneralSecurityException e) {
                throw new CryptoException("operation failed: " + e.getClass().getSimpleName());
            }
        });
    }

    /** Copies the key to a heap array for JCE, zeroing that array afterwards. */
    private static byte[] withHeapCopy(KeyHandle key, java.util.function.Function<byte[], byte[]> use) {
        return ((SlabKeyHandle) key).lend(segment -> {
            byte[] bytes = segment.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            try {
                return use.apply(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        });
    }
}
