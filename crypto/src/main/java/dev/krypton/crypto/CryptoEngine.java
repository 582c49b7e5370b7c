package dev.krypton.crypto;

/**
 * The symmetric primitives Krypton needs, computed where the key lives. Two implementations:
 * {@link NativeEngine} (OpenSSL libcrypto 3 through FFM; key schedules stay in native memory) and
 * {@link JceEngine} (pure JCE; fallback and test oracle). Both validate inputs identically; every
 * failure, including a tag that does not verify, is a {@link CryptoException} without detail.
 *
 * <p>AES keys may be 16, 24 or 32 bytes; ChaCha20 keys 32 bytes.
 */
public interface CryptoEngine {

    /** @return "openssl" or "jce", with the library version where known */
    String name();

    /**
     * AES-GCM encryption (NIST SP 800-38D).
     *
     * @param key AES key
     * @param iv nonce, 1 to 128 bytes (12 recommended; OpenSSL 3 caps GCM IVs at 128 bytes)
     * @param aad additional authenticated data, may be empty
     * @param plaintext data to encrypt
     * @param tagLen tag length in bytes, 12 to 16
     * @return ciphertext followed by the tag
     */
    byte[] gcmEncrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] plaintext, int tagLen);

    /**
     * AES-GCM decryption.
     *
     * @return the plaintext
     * @throws CryptoException if the tag does not verify (no further detail)
     */
    byte[] gcmDecrypt(KeyHandle key, byte[] iv, byte[] aad, byte[] ctAndTag, int tagLen);

    /**
     * AES-GCM decryption of a wrapped key (16-byte tag) straight into secure memory.
     *
     * @param into where the unwrapped key is allocated
     * @return the unwrapped key
     */
    KeyHandle gcmDecryptToKey(KeyHandle kek, byte[] iv, byte[] aad, byte[] ctAndTag, SecureMemory into);

    /**
     * AES-GCM encryption of a key (16-byte tag) without the key touching the heap.
     *
     * @return ciphertext followed by the tag
     */
    byte[] gcmEncryptKey(KeyHandle kek, byte[] iv, byte[] aad, KeyHandle key);

    /** AES key wrap, RFC 3394 section 2.2.1; plaintext a multiple of 8 bytes, at least 16. */
    byte[] keyWrap(KeyHandle kek, byte[] plaintext);

    /** AES key unwrap, RFC 3394 section 2.2.2, with integrity check (section 2.2.3). */
    byte[] keyUnwrap(KeyHandle kek, byte[] wrapped);

    /** RFC 3394 wrap of a key held in secure memory. */
    byte[] keyWrapKey(KeyHandle kek, KeyHandle key);

    /** RFC 3394 unwrap straight into secure memory. */
    KeyHandle keyUnwrapToKey(KeyHandle kek, byte[] wrapped, SecureMemory into);

    /** AES key wrap with padding, RFC 5649 section 4.1; plaintext at least 1 byte. */
    byte[] keyWrapPad(KeyHandle kek, byte[] plaintext);

    /** AES key unwrap with padding, RFC 5649 section 4.2, with the section 3 integrity checks. */
    byte[] keyUnwrapPad(KeyHandle kek, byte[] wrapped);

    /** RFC 5649 wrap of a key held in secure memory. */
    byte[] keyWrapPadKey(KeyHandle kek, KeyHandle key);

    /** RFC 5649 unwrap straight into secure memory. */
    KeyHandle keyUnwrapPadToKey(KeyHandle kek, byte[] wrapped, SecureMemory into);

    /**
     * AES encryption in ECB, CBC or CTR mode.
     *
     * @return the ciphertext
     */
    byte[] aesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext);

    /**
     * AES decryption in ECB, CBC or CTR mode.
     *
     * @return the plaintext
     * @throws CryptoException on bad length or bad padding (no detail which)
     */
    byte[] aesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext);

    /**
     * Three-key Triple DES (TDEA, NIST SP 800-67; a 24-byte key) encryption in ECB or CBC mode
     * (8-byte blocks, 8-byte CBC IV), for KMIP clients that still hold 3DES keys. CTR is refused.
     *
     * @return the ciphertext
     */
    byte[] tdesEncrypt(KeyHandle key, AesMode mode, byte[] plaintext);

    /**
     * Three-key Triple DES decryption in ECB or CBC mode.
     *
     * @return the plaintext
     * @throws CryptoException on bad length or bad padding (no detail which)
     */
    byte[] tdesDecrypt(KeyHandle key, AesMode mode, byte[] ciphertext);

    /**
     * ChaCha20-Poly1305 encryption, RFC 8439 section 2.8.
     *
     * @param nonce 12 bytes
     * @return ciphertext followed by the 16-byte tag
     */
    byte[] chaCha20Poly1305Encrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] plaintext);

    /** ChaCha20-Poly1305 decryption; {@link CryptoException} when the tag does not verify. */
    byte[] chaCha20Poly1305Decrypt(KeyHandle key, byte[] nonce, byte[] aad, byte[] ctAndTag);

    /**
     * The ChaCha20 stream cipher alone (RFC 8439 section 2.4; no integrity), encryption and
     * decryption alike.
     *
     * @param key 32 bytes
     * @param counterAndNonce 16 bytes: the 32-bit little-endian initial block counter, then the
     *        12-byte nonce (state words 12 to 15); the original 64-bit-nonce ChaCha20 is
     *        {@code LE64(counter) || nonce8}
     * @return the input XOR the key stream
     */
    byte[] chaCha20(KeyHandle key, byte[] counterAndNonce, byte[] input);

    /**
     * HKDF with HMAC-SHA-256, RFC 5869 (extract then expand). An empty salt means 32 zero bytes.
     *
     * @param length output length, 1 to 8160 bytes (255 * 32)
     * @return the output keying material
     */
    byte[] hkdfSha256(KeyHandle ikm, byte[] salt, byte[] info, int length);

    /** HKDF-SHA-256 whose output goes straight to secure memory. */
    KeyHandle hkdfSha256ToKey(KeyHandle ikm, byte[] salt, byte[] info, int length, SecureMemory into);

    /**
     * @param length how many bytes, 0 or more
     * @return bytes from a cryptographically secure generator
     */
    byte[] randomBytes(int length);
}
