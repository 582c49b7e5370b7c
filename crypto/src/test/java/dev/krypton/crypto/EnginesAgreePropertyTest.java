package dev.krypton.crypto;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** Both engines give identical outputs on random keys and inputs, and each round-trips. */
class EnginesAgreePropertyTest {
    private static final SecureMemory MEMORY = SecureMemory.open(SecureMemory.Options.defaults());
    private static final CryptoEngine NATIVE = NativeEngine.load();
    private static final CryptoEngine JCE = new JceEngine();

    @AfterContainer
    static void close() {
        MEMORY.close();
    }

    @Provide
    Arbitrary<byte[]> aesKey() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Property(tries = 200)
    void gcmAgrees(@ForAll("aesKey") byte[] keyBytes, @ForAll @Size(min = 1, max = 64) byte[] iv,
                   @ForAll @Size(max = 64) byte[] aad, @ForAll @Size(max = 300) byte[] plaintext,
                   @ForAll @IntRange(min = 12, max = 16) int tagLen) {
        try (KeyHandle key = MEMORY.copyOf(keyBytes)) {
            byte[] n = NATIVE.gcmEncrypt(key, iv, aad, plaintext, tagLen);
            assertThat(JCE.gcmEncrypt(key, iv, aad, plaintext, tagLen)).isEqualTo(n);
            assertThat(NATIVE.gcmDecrypt(key, iv, aad, n, tagLen)).isEqualTo(plaintext);
            assertThat(JCE.gcmDecrypt(key, iv, aad, n, tagLen)).isEqualTo(plaintext);
        }
    }

    @Property(tries = 200)
    void keyWrapsAgree(@ForAll("aesKey") byte[] kekBytes, @ForAll @Size(min = 1, max = 100) byte[] plaintext) {
        byte[] blocks = java.util.Arrays.copyOf(plaintext, Math.max(16, (plaintext.length + 7) / 8 * 8));
        try (KeyHandle kek = MEMORY.copyOf(kekBytes)) {
            byte[] kwp = NATIVE.keyWrapPad(kek, plaintext);
            assertThat(JCE.keyWrapPad(kek, plaintext)).isEqualTo(kwp);
            assertThat(JCE.keyUnwrapPad(kek, kwp)).isEqualTo(plaintext);
            assertThat(NATIVE.keyUnwrapPad(kek, kwp)).isEqualTo(plaintext);
            byte[] kw = NATIVE.keyWrap(kek, blocks);
            assertThat(JCE.keyWrap(kek, blocks)).isEqualTo(kw);
            assertThat(NATIVE.keyUnwrap(kek, kw)).isEqualTo(blocks);
        }
    }

    @Property(tries = 200)
    void aesModesAgree(@ForAll("aesKey") byte[] keyBytes, @ForAll @Size(16) byte[] iv,
                       @ForAll @Size(max = 200) byte[] data, @ForAll @IntRange(max = 4) int modeIndex) {
        byte[] whole = java.util.Arrays.copyOf(data, data.length / 16 * 16);
        AesMode mode = switch (modeIndex) {
            case 0 -> new AesMode.Ecb(AesMode.Padding.PKCS5);
            case 1 -> new AesMode.Ecb(AesMode.Padding.NONE);
            case 2 -> new AesMode.Cbc(iv, AesMode.Padding.PKCS5);
            case 3 -> new AesMode.Cbc(iv, AesMode.Padding.NONE);
            default -> new AesMode.Ctr(iv);
        };
        byte[] input = modeIndex == 1 || modeIndex == 3 ? whole : data;
        try (KeyHandle key = MEMORY.copyOf(keyBytes)) {
            byte[] n = NATIVE.aesEncrypt(key, mode, input);
            assertThat(JCE.aesEncrypt(key, mode, input)).isEqualTo(n);
            assertThat(NATIVE.aesDecrypt(key, mode, n)).isEqualTo(input);
            assertThat(JCE.aesDecrypt(key, mode, n)).isEqualTo(input);
        }
    }

    @Property(tries = 200)
    void chaChaAgrees(@ForAll @Size(32) byte[] keyBytes, @ForAll @Size(12) byte[] nonce,
                      @ForAll @Size(max = 64) byte[] aad, @ForAll @Size(max = 300) byte[] plaintext) {
        try (KeyHandle key = MEMORY.copyOf(keyBytes)) {
            byte[] n = NATIVE.chaCha20Poly1305Encrypt(key, nonce, aad, plaintext);
            assertThat(JCE.chaCha20Poly1305Encrypt(key, nonce, aad, plaintext)).isEqualTo(n);
            assertThat(JCE.chaCha20Poly1305Decrypt(key, nonce, aad, n)).isEqualTo(plaintext);
            assertThat(NATIVE.chaCha20Poly1305Decrypt(key, nonce, aad, n)).isEqualTo(plaintext);
        }
    }

    @Property(tries = 200)
    void hkdfAgrees(@ForAll @Size(min = 1, max = 64) byte[] ikm, @ForAll @Size(max = 64) byte[] salt,
                    @ForAll @Size(max = 64) byte[] info, @ForAll @IntRange(min = 1, max = 1000) int length) {
        try (KeyHandle key = MEMORY.copyOf(ikm)) {
            assertThat(JCE.hkdfSha256(key, salt, info, length)).isEqualTo(NATIVE.hkdfSha256(key, salt, info, length));
        }
    }

    @Property(tries = 100)
    void tamperedGcmIsRejectedByBoth(@ForAll @Size(32) byte[] keyBytes, @ForAll @Size(max = 100) byte[] plaintext,
                                     @ForAll @IntRange(max = 10_000) int flip) {
        try (KeyHandle key = MEMORY.copyOf(keyBytes)) {
            byte[] iv = new byte[12];
            byte[] ct = NATIVE.gcmEncrypt(key, iv, new byte[0], plaintext, 16);
            ct[flip % ct.length] ^= 1;
            for (CryptoEngine engine : new CryptoEngine[] {NATIVE, JCE}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.gcmDecrypt(key, iv, new byte[0], ct, 16))
                        .isInstanceOf(CryptoException.class).hasMessage("authentication failed");
            }
        }
    }
}
