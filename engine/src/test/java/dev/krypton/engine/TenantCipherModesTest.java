package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.policy.PolicyParser;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant keys in every mode (known answers from NIST SP 800-38A F.1.1, F.2.1, F.5.1 and
 * SP 800-38D test case 2 / the OASIS CS-BC cases), the IV and tag lengths they accept, and the
 * policy switch for the modes without integrity; L3 KEK versions keep GCM and key wrap only.
 */
class TenantCipherModesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SP800_38A_KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] BLOCK_1 = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
    private Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ErrorCode code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (EngineException e) {
            return e.code();
        }
    }

    private String register(byte[] key, String algorithm) {
        return f.ops.register(f.principal, f.tenant, ObjectType.SYMMETRIC_KEY, key.clone(), new ObjectTemplate(List.of(),
                algorithm, key.length * 8, Set.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), false, true, Map.of(), true)).uid();
    }

    private EncryptResult encrypt(String uid, CipherMode mode, byte[] data, byte[] iv) {
        return f.ops.encrypt(f.principal, new EncryptRequest(uid, mode, data, iv, new byte[0]));
    }

    private byte[] decrypt(String uid, CipherMode mode, byte[] ct, byte[] iv) {
        return f.ops.decrypt(f.principal, new DecryptRequest(uid, mode, ct, iv, new byte[0], new byte[0]));
    }

    @Test
    void ecbCbcAndCtrGiveTheNistKnownAnswers() {
        f.link();
        String uid = register(SP800_38A_KEY, "AES");
        byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] ctr = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        assertThat(encrypt(uid, CipherMode.ECB, BLOCK_1, new byte[0]).ciphertext())
                .isEqualTo(HEX.parseHex("3ad77bb40d7a3660a89ecaf32466ef97"));
        assertThat(encrypt(uid, CipherMode.CBC, BLOCK_1, iv).ciphertext())
                .isEqualTo(HEX.parseHex("7649abac8119b246cee98e9b12e9197d"));
        assertThat(encrypt(uid, CipherMode.CTR, BLOCK_1, ctr).ciphertext())
                .isEqualTo(HEX.parseHex("874d6191b620e3261bef6864990db6ce"));
        assertThat(decrypt(uid, CipherMode.CBC, HEX.parseHex("7649abac8119b246cee98e9b12e9197d"), iv)).isEqualTo(BLOCK_1);
        assertThat(decrypt(uid, CipherMode.CTR, HEX.parseHex("874d6191b620e3261bef6864990db6ce"), ctr)).isEqualTo(BLOCK_1);
    }

    @Test
    void pkcs5PaddingAndServerGeneratedIvsRoundTrip() {
        f.link();
        String uid = register(HEX.parseHex("0123456789abcdef0123456789abcdef"), "AES");
        byte[] data = HEX.parseHex("010203040506070809101112131415160102030405060708091011121314151601");
        // OASIS CS-BC-M-9: ECB with PKCS#5 padding
        assertThat(encrypt(uid, CipherMode.ECB_PKCS5, data, new byte[0]).ciphertext()).isEqualTo(HEX.parseHex(
                "d9bcce11b0b437b90239552df3a360c9d9bcce11b0b437b90239552df3a360c9be261a7bd1371bb738fe004d500381d0"));
        EncryptResult random = f.ops.encrypt(f.principal, new EncryptRequest(uid, CipherMode.CBC_PKCS5, data, new byte[0],
                new byte[0], true, EncryptRequest.TAG_BYTES));
        assertThat(random.iv()).hasSize(16);
        assertThat(random.ciphertext()).hasSize(48);
        assertThat(decrypt(uid, CipherMode.CBC_PKCS5, random.ciphertext(), random.iv())).isEqualTo(data);
        assertThat(code(() -> encrypt(uid, CipherMode.CBC, data, new byte[0]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> encrypt(uid, CipherMode.ECB, data, new byte[0]))).isEqualTo(ErrorCode.CRYPTO);
        assertThat(code(() -> decrypt(uid, CipherMode.CBC_PKCS5, random.ciphertext(), new byte[0])))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void gcmTakesOtherIvAndTagLengthsOnTenantKeys() {
        f.link();
        String uid = register(HEX.parseHex("feffe9928665731c6d6a8f9467308308"), "AES");
        byte[] plain = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] iv8 = HEX.parseHex("cafebabefacedbad");
        // SP 800-38D / McGrew-Viega test case 5: 8-byte IV
        EncryptResult r = f.ops.encrypt(f.principal, new EncryptRequest(uid, CipherMode.GCM, plain, iv8, aad, false, 16));
        assertThat(r.ciphertext()).isEqualTo(HEX.parseHex("61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f9"
                + "7b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598"));
        assertThat(r.tag()).isEqualTo(HEX.parseHex("3612d2e79e3b0785561be14aaca2fccb"));
        EncryptResult shortTag = f.ops.encrypt(f.principal, new EncryptRequest(uid, CipherMode.GCM, plain, iv8, aad, false, 12));
        assertThat(shortTag.tag()).isEqualTo(HEX.parseHex("3612d2e79e3b0785561be14a"));
        assertThat(f.ops.decrypt(f.principal, new DecryptRequest(uid, CipherMode.GCM, shortTag.ciphertext(), iv8, aad,
                shortTag.tag()))).isEqualTo(plain);
        assertThat(code(() -> f.ops.encrypt(f.principal, new EncryptRequest(uid, CipherMode.GCM, plain, iv8, aad, false, 32))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    /** A 3DES key takes ECB and CBC (NIST SP 800-67 Rev. 1 appendix B in ECB), 8-byte IVs, and no other mode. */
    @Test
    void tripleDesKeysTakeEcbAndCbcOnly() {
        f.link();
        String uid = register(HEX.parseHex("0123456789abcdef23456789abcdef01456789abcdef0123"), "3DES");
        byte[] plain = "The qufck brown fox jump".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(encrypt(uid, CipherMode.ECB, plain, new byte[0]).ciphertext())
                .isEqualTo(HEX.parseHex("a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900"));
        EncryptResult random = f.ops.encrypt(f.principal, new EncryptRequest(uid, CipherMode.CBC_PKCS5, plain, new byte[0],
                new byte[0], true, 16));
        assertThat(random.iv()).hasSize(8);
        assertThat(decrypt(uid, CipherMode.CBC_PKCS5, random.ciphertext(), random.iv())).isEqualTo(plain);
        assertThat(code(() -> encrypt(uid, CipherMode.CBC, plain, new byte[16]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> encrypt(uid, CipherMode.CTR, plain, new byte[16]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> encrypt(uid, CipherMode.GCM, plain, new byte[0]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void chaCha20Poly1305NeedsAChaChaKey() {
        f.link();
        String chacha = register(f.random(32), "ChaCha20");
        String aes = register(f.random(32), "AES");
        byte[] data = "hello".getBytes();
        EncryptResult r = f.ops.encrypt(f.principal, new EncryptRequest(chacha, CipherMode.CHACHA20_POLY1305, data,
                new byte[0], "aad".getBytes()));
        assertThat(r.iv()).hasSize(12);
        assertThat(r.tag()).hasSize(16);
        assertThat(f.ops.decrypt(f.principal, new DecryptRequest(chacha, CipherMode.CHACHA20_POLY1305, r.ciphertext(),
                r.iv(), "aad".getBytes(), r.tag()))).isEqualTo(data);
        assertThat(code(() -> f.ops.encrypt(f.principal, new EncryptRequest(aes, CipherMode.CHACHA20_POLY1305, data,
                new byte[0], new byte[0])))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> encrypt(chacha, CipherMode.GCM, data, new byte[0]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void bareChaCha20AndTruncatedPoly1305Tags() {
        f.link();
        String stream = register(new byte[32], "ChaCha20");
        // the original 64-bit-nonce ChaCha20 test vector (OASIS CS-BC-M-CHACHA20-1-21)
        assertThat(encrypt(stream, CipherMode.CHACHA20, new byte[64], new byte[8]).ciphertext()).isEqualTo(HEX.parseHex(
                "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                        + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"));
        assertThat(decrypt(stream, CipherMode.CHACHA20, HEX.parseHex("76b8e0ada0f13d90405d6ae55386bd28"), new byte[8]))
                .isEqualTo(new byte[16]);
        assertThat(code(() -> encrypt(stream, CipherMode.CHACHA20, new byte[4], new byte[5]))).isEqualTo(ErrorCode.INVALID_ARGUMENT);

        String aead = register(f.random(32), "ChaCha20Poly1305");
        byte[] nonce = f.random(12);
        byte[] data = "attack at dawn".getBytes();
        EncryptResult full = f.ops.encrypt(f.principal, new EncryptRequest(aead, CipherMode.CHACHA20_POLY1305, data, nonce,
                "aad".getBytes(), false, 16));
        EncryptResult cut = f.ops.encrypt(f.principal, new EncryptRequest(aead, CipherMode.CHACHA20_POLY1305, data, nonce,
                "aad".getBytes(), false, 12));
        assertThat(cut.tag()).isEqualTo(java.util.Arrays.copyOf(full.tag(), 12));
        assertThat(f.ops.decrypt(f.principal, new DecryptRequest(aead, CipherMode.CHACHA20_POLY1305, cut.ciphertext(), nonce,
                "aad".getBytes(), cut.tag()))).isEqualTo(data);
        byte[] bad = cut.tag();
        bad[0] ^= 1;
        assertThat(code(() -> f.ops.decrypt(f.principal, new DecryptRequest(aead, CipherMode.CHACHA20_POLY1305,
                cut.ciphertext(), nonce, "aad".getBytes(), bad)))).isEqualTo(ErrorCode.CRYPTO);
        assertThat(code(() -> f.ops.decrypt(f.principal, new DecryptRequest(aead, CipherMode.CHACHA20_POLY1305,
                cut.ciphertext(), nonce, "aad".getBytes(), java.util.Arrays.copyOf(full.tag(), 8))))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void keksNeverTakeTheTenantOnlyModes() {
        f.link();
        String kek = f.ops.createKek(f.principal, f.tenant, "k").uid();
        for (CipherMode mode : CipherMode.values()) {
            if (!mode.forKeks()) {
                assertThat(code(() -> encrypt(kek, mode, new byte[16], new byte[16]))).as(mode.name())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
        }
        assertThat(code(() -> f.ops.encrypt(f.principal, new EncryptRequest(kek, CipherMode.GCM, new byte[16], new byte[0],
                new byte[0], false, 12)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void thePolicyCanForbidTheModesWithoutIntegrity() {
        f.close();
        f = new Fixture(EngineOptions.defaults(), PolicyParser.parse("upstream: true\nunauthenticated_modes: false\n"));
        f.link();
        String uid = register(SP800_38A_KEY, "AES");
        for (CipherMode mode : List.of(CipherMode.ECB, CipherMode.ECB_PKCS5, CipherMode.CBC, CipherMode.CBC_PKCS5, CipherMode.CTR,
                CipherMode.CHACHA20)) {
            byte[] iv = mode.needsIv() ? new byte[16] : new byte[0];
            assertThat(code(() -> encrypt(uid, mode, BLOCK_1, iv))).as(mode.name()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(code(() -> decrypt(uid, mode, BLOCK_1, iv))).as(mode.name()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        }
        EncryptResult gcm = f.ops.encrypt(f.principal, EncryptRequest.gcm(uid, BLOCK_1, new byte[0]));
        assertThat(f.ops.decrypt(f.principal, DecryptRequest.of(gcm, CipherMode.GCM, new byte[0]))).isEqualTo(BLOCK_1);
    }
}
