package dev.krypton.crypto;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineContractTest {

    @Test
    void autoSelectionPicksNativeHereAndSaysWhy() {
        CryptoEngines.Selection selection = CryptoEngines.select(CryptoEngines.Preference.AUTO);
        assertThat(selection.engine()).isInstanceOf(NativeEngine.class);
        assertThat(selection.engine().name()).startsWith("openssl OpenSSL 3.");
        assertThat(selection.reason()).isEqualTo("libcrypto.so.3 loaded");
        assertThat(CryptoEngines.select(CryptoEngines.Preference.JCE).engine()).isInstanceOf(JceEngine.class);
    }

    @Test
    void constantTimeEqualsComparesContentAndLength() {
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[0], new byte[0])).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.krypton.crypto.Engines#both")
    void badInputsGetOneClearErrorWithoutSecrets(CryptoEngine engine) {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             KeyHandle key = memory.copyOf(HexFormat.of().parseHex("ab".repeat(20)))) {
            assertThatThrownBy(() -> engine.gcmEncrypt(key, new byte[12], new byte[0], new byte[1], 16))
                    .isInstanceOf(CryptoException.class).hasMessage("AES key must be 16, 24 or 32 bytes, was 20")
                    .message().doesNotContain("abab");
            try (KeyHandle aes = memory.random(32)) {
                assertThatThrownBy(() -> engine.gcmEncrypt(aes, new byte[0], new byte[0], new byte[1], 16))
                        .hasMessage("GCM IV must be 1 to 128 bytes");
                assertThatThrownBy(() -> engine.gcmEncrypt(aes, new byte[12], new byte[0], new byte[1], 8))
                        .hasMessage("GCM tag length must be 12 to 16 bytes");
                assertThatThrownBy(() -> engine.keyWrap(aes, new byte[8]))
                        .hasMessage("RFC 3394 plaintext must be a multiple of 8 bytes, at least 16");
                assertThatThrownBy(() -> engine.hkdfSha256(aes, new byte[0], new byte[0], 8161))
                        .hasMessage("HKDF-SHA-256 length must be 1 to 8160 bytes");
                assertThatThrownBy(() -> engine.chaCha20Poly1305Encrypt(aes, new byte[8], new byte[0], new byte[0]))
                        .hasMessage("ChaCha20-Poly1305 nonce must be 12 bytes");
            }
        }
    }

    /**
     * Three-key Triple DES: the worked example of NIST SP 800-67 Rev. 1 appendix B (ECB), the same
     * key and text in CBC with PKCS#5 padding (8-byte blocks and IV), and the rules each engine
     * enforces (24-byte key, 8-byte IV, whole blocks, no CTR).
     */
    @ParameterizedTest
    @MethodSource("dev.krypton.crypto.Engines#both")
    void tripleDesGivesTheKnownCiphertextsInEcbAndCbc(CryptoEngine engine) {
        HexFormat hex = HexFormat.of();
        byte[] plain = "The qufck brown fox jump".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] iv = hex.parseHex("0001020304050607");
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             KeyHandle key = memory.copyOf(hex.parseHex("0123456789abcdef23456789abcdef01456789abcdef0123"));
             KeyHandle aes = memory.random(16)) {
            AesMode ecb = new AesMode.Ecb(AesMode.Padding.NONE);
            byte[] ct = engine.tdesEncrypt(key, ecb, plain);
            assertThat(hex.formatHex(ct)).isEqualTo("a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900");
            assertThat(engine.tdesDecrypt(key, ecb, ct)).isEqualTo(plain);
            AesMode cbc = new AesMode.Cbc(iv, AesMode.Padding.PKCS5);
            byte[] cbcCt = engine.tdesEncrypt(key, cbc, plain);
            assertThat(hex.formatHex(cbcCt)).isEqualTo("f368d06f3bbd614e60f2d0245cad3f818d5c69f2cb3fd5c7efa5066e2c4e03b9");
            assertThat(engine.tdesDecrypt(key, cbc, cbcCt)).isEqualTo(plain);
            assertThatThrownBy(() -> engine.tdesEncrypt(aes, ecb, plain)).isInstanceOf(CryptoException.class)
                    .hasMessage("Triple DES key must be 24 bytes (three keys), was 16");
            assertThatThrownBy(() -> engine.tdesEncrypt(key, new AesMode.Cbc(new byte[16], AesMode.Padding.NONE), plain))
                    .hasMessage("Triple DES CBC IV must be 8 bytes");
            assertThatThrownBy(() -> engine.tdesEncrypt(key, ecb, new byte[12]))
                    .hasMessage("unpadded ECB/CBC input must be whole 8-byte blocks");
            assertThatThrownBy(() -> engine.tdesEncrypt(key, new AesMode.Ctr(new byte[16]), plain))
                    .hasMessage("Triple DES takes ECB or CBC only");
        }
    }

    /**
     * Raw ChaCha20: the original 64-bit-nonce test vectors (draft-agl-tls-chacha20poly1305-04
     * section 7, as the OASIS CS-BC-M-CHACHA20 cases use them) and RFC 8439 section 2.4.2.
     */
    @ParameterizedTest
    @MethodSource("dev.krypton.crypto.Engines#both")
    void chaCha20GivesTheKnownKeyStreams(CryptoEngine engine) {
        HexFormat hex = HexFormat.of();
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             KeyHandle zero = memory.copyOf(new byte[32]);
             KeyHandle one = memory.copyOf(hex.parseHex("00".repeat(31) + "01"));
             KeyHandle rfc = memory.copyOf(hex.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))) {
            assertThat(engine.chaCha20(zero, new byte[16], new byte[64])).isEqualTo(hex.parseHex(
                    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                            + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"));
            assertThat(engine.chaCha20(one, new byte[16], new byte[32])).isEqualTo(hex.parseHex(
                    "4540f05a9f1fb296d7736e7b208e3c96eb4fe1834688d2604f450952ed432d41"));
            byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
                    + " sunscreen would be it.").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] iv = hex.parseHex("01000000" + "000000000000004a00000000");
            byte[] ct = engine.chaCha20(rfc, iv, plain);
            assertThat(hex.formatHex(ct)).startsWith("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b");
            assertThat(engine.chaCha20(rfc, iv, ct)).isEqualTo(plain);
            assertThatThrownBy(() -> engine.chaCha20(rfc, new byte[12], plain)).hasMessage("ChaCha20 counter and nonce must be 16 bytes");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.krypton.crypto.Engines#both")
    void wipedKeysAreRefusedByEveryOperation(CryptoEngine engine) {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle kek = memory.random(32);
            byte[] wrapped = engine.keyWrapPad(kek, new byte[32]);
            kek.wipe();
            assertThatThrownBy(() -> engine.keyUnwrapPad(kek, wrapped)).isInstanceOf(KeyWipedException.class);
            assertThatThrownBy(() -> engine.gcmEncrypt(kek, new byte[12], new byte[0], new byte[1], 16))
                    .isInstanceOf(KeyWipedException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.krypton.crypto.Engines#both")
    void keysWrappedWithoutTheHeapRoundTripIntoSecureMemory(CryptoEngine engine) {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             KeyHandle kek = memory.random(32); KeyHandle dek = memory.random(32)) {
            byte[] iv = engine.randomBytes(12);
            byte[] aad = "t1:kek:1:0:0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] blob = engine.gcmEncryptKey(kek, iv, aad, dek);
            try (KeyHandle back = engine.gcmDecryptToKey(kek, iv, aad, blob, memory)) {
                assertThat(engine.gcmEncryptKey(kek, iv, aad, back)).isEqualTo(blob);
            }
            try (KeyHandle back = engine.keyUnwrapPadToKey(kek, engine.keyWrapPadKey(kek, dek), memory)) {
                assertThat(back.length()).isEqualTo(32);
                assertThat(engine.keyWrapKey(kek, back)).isEqualTo(engine.keyWrapKey(kek, dek));
            }
            int before = memory.status().liveKeys();
            blob[0] ^= 1;
            assertThatThrownBy(() -> engine.gcmDecryptToKey(kek, iv, aad, blob, memory))
                    .hasMessage("authentication failed");
            assertThat(memory.status().liveKeys()).isEqualTo(before);
        }
    }
}
