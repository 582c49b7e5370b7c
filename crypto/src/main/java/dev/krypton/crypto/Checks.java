package dev.krypton.crypto;

/**
 * Input rules shared by both engines, so they accept and reject exactly the same inputs. Each rule
 * throws one {@link CryptoException} naming the rule, never the data.
 */
final class Checks {
    static final int GCM_TAG = 16;
    static final int HKDF_MAX = 255 * 32;

    private Checks() {
    }

    static void aesKey(KeyHandle key) {
        int n = key.length();
        if (n != 16 && n != 24 && n != 32) {
            throw new CryptoException("AES key must be 16, 24 or 32 bytes, was " + n);
        }
    }

    static void gcm(KeyHandle key, byte[] iv, int tagLen) {
        aesKey(key);
        require(iv.length >= 1 && iv.length <= 128, "GCM IV must be 1 to 128 bytes");
        require(tagLen >= 12 && tagLen <= 16, "GCM tag length must be 12 to 16 bytes");
    }

    static void gcmDecrypt(KeyHandle key, byte[] iv, byte[] ctAndTag, int tagLen) {
        gcm(key, iv, tagLen);
        require(ctAndTag.length >= tagLen, "GCM input shorter than its tag");
    }

    static void wrap(KeyHandle kek, int plaintextLength) {
        aesKey(kek);
        require(plaintextLength >= 16 && plaintextLength % 8 == 0,
                "RFC 3394 plaintext must be a multiple of 8 bytes, at least 16");
    }

    static void unwrap(KeyHandle kek, byte[] wrapped) {
        aesKey(kek);
        require(wrapped.length >= 24 && wrapped.length % 8 == 0,
                "RFC 3394 wrapped key must be a multiple of 8 bytes, at least 24");
    }

    static void wrapPad(KeyHandle kek, int plaintextLength) {
        aesKey(kek);
        require(plaintextLength >= 1, "RFC 5649 plaintext must not be empty");
    }

    static void unwrapPad(KeyHandle kek, byte[] wrapped) {
        aesKey(kek);
        require(wrapped.length >= 16 && wrapped.length % 8 == 0,
                "RFC 5649 wrapped key must be a multiple of 8 bytes, at least 16");
    }

    static void aes(KeyHandle key, AesMode mode, int inputLength, boolean decrypt) {
        aesKey(key);
        switch (mode) {
            case AesMode.Ecb(AesMode.Padding padding) -> blocks(padding, inputLength, decrypt, 16);
            case AesMode.Cbc(byte[] iv, AesMode.Padding padding) -> {
                require(iv.length == 16, "CBC IV must be 16 bytes");
                blocks(padding, inputLength, decrypt, 16);
            }
            case AesMode.Ctr(byte[] counter) -> require(counter.length == 16, "CTR counter block must be 16 bytes");
        }
    }

    static void tdes(KeyHandle key, AesMode mode, int inputLength, boolean decrypt) {
        require(key.length() == 24, "Triple DES key must be 24 bytes (three keys), was " + key.length());
        switch (mode) {
            case AesMode.Ecb(AesMode.Padding padding) -> blocks(padding, inputLength, decrypt, 8);
            case AesMode.Cbc(byte[] iv, AesMode.Padding padding) -> {
                require(iv.length == 8, "Triple DES CBC IV must be 8 bytes");
                blocks(padding, inputLength, decrypt, 8);
            }
            case AesMode.Ctr c -> require(false, "Triple DES takes ECB or CBC only");
        }
    }

    static void chaCha(KeyHandle key, byte[] nonce) {
        require(key.length() == 32, "ChaCha20 key must be 32 bytes");
        require(nonce.length == 12, "ChaCha20-Poly1305 nonce must be 12 bytes");
    }

    static void chaCha20(KeyHandle key, byte[] counterAndNonce) {
        require(key.length() == 32, "ChaCha20 key must be 32 bytes");
        require(counterAndNonce.length == 16, "ChaCha20 counter and nonce must be 16 bytes");
    }

    static void chaChaDecrypt(KeyHandle key, byte[] nonce, byte[] ctAndTag) {
        chaCha(key, nonce);
        require(ctAndTag.length >= 16, "ChaCha20-Poly1305 input shorter than its tag");
    }

    static void hkdf(int length) {
        require(length >= 1 && length <= HKDF_MAX, "HKDF-SHA-256 length must be 1 to 8160 bytes");
    }

    static void random(int length) {
        require(length >= 0, "random length must not be negative");
    }

    static void require(boolean condition, String rule) {
        if (!condition) {
            throw new CryptoException(rule);
        }
    }

    private static void blocks(AesMode.Padding padding, int length, boolean decrypt, int block) {
        switch (padding) {
            case NONE -> require(length % block == 0, "unpadded ECB/CBC input must be whole " + block + "-byte blocks");
            case PKCS5 -> require(!decrypt || (length > 0 && length % block == 0),
                    "padded ECB/CBC ciphertext must be whole " + block + "-byte blocks");
        }
    }
}
