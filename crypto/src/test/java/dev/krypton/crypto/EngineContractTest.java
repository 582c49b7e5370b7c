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
