package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.UsageLimitsUnit;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Encrypt;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encrypt and Decrypt with tenant keys in the modes of the OASIS CS-BC profile: the key's own
 * Cryptographic Parameters when the request has none, Random IV, ECB/CBC/CTR with PKCS5, GCM tag
 * lengths, ChaCha20, the key's usage dates and Usage Limits, multi-part GCM, and RNG Retrieve.
 */
class CipherModesTest {

    static final HexFormat HEX = HexFormat.of();
    static final int ENC_DEC = CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();
    static final byte[] KEY = HEX.parseHex("0123456789abcdef0123456789abcdef");
    static final byte[] DATA = HEX.parseHex("010203040506070809101112131415160102030405060708091011121314151601");
    static ServerFixture fixture;
    static KmipOperations acme;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        acme = fixture.client("acme");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static String register(byte[] key, CryptographicAlgorithm algorithm, Attribute... extra) {
        Attributes a = Attributes.of(Attribute.cryptographicUsageMask(ENC_DEC),
                Attribute.date(AttributeDef.ACTIVATION_DATE, Instant.now().minusSeconds(3600)));
        for (Attribute e : extra) {
            a = a.with(e);
        }
        return acme.register(a, new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(key), algorithm, key.length * 8)))
                .uniqueIdentifier();
    }

    static CryptographicParameters params(BlockCipherMode mode, PaddingMethod padding) {
        return CryptographicParameters.of(CryptographicAlgorithm.AES, mode, padding);
    }

    static Encrypt.Response encrypt(String uid, Optional<CryptographicParameters> p, byte[] data, Optional<Bytes> iv) {
        return acme.client().call(new Encrypt.Request(Optional.of(uid), p, Optional.of(Bytes.of(data)), iv, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Encrypt.Response.class);
    }

    static byte[] decrypt(String uid, Optional<CryptographicParameters> p, byte[] data, Optional<Bytes> iv) {
        return acme.client().call(new Decrypt.Request(Optional.of(uid), p, Optional.of(Bytes.of(data)), iv, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Decrypt.Response.class)
                .data().orElseThrow().toByteArray();
    }

    static void fails(ResultReason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void ecbAndCbcWithPkcs5GiveTheOasisKnownAnswers() {
        String uid = register(KEY, CryptographicAlgorithm.AES);
        var ecb = Optional.of(params(BlockCipherMode.ECB, PaddingMethod.PKCS5));
        byte[] ecbCt = encrypt(uid, ecb, DATA, Optional.empty()).data().orElseThrow().toByteArray();
        assertThat(ecbCt).isEqualTo(HEX.parseHex(
                "d9bcce11b0b437b90239552df3a360c9d9bcce11b0b437b90239552df3a360c9be261a7bd1371bb738fe004d500381d0"));
        assertThat(decrypt(uid, ecb, ecbCt, Optional.empty())).isEqualTo(DATA);
        var cbc = Optional.of(params(BlockCipherMode.CBC, PaddingMethod.PKCS5));
        var iv = Optional.of(Bytes.of(HEX.parseHex("01020304050607080910111213141516")));
        Encrypt.Response r = encrypt(uid, cbc, DATA, iv);
        assertThat(r.data().orElseThrow().toByteArray()).isEqualTo(HEX.parseHex(
                "79abc5c23868ad84d388ce61110a62742bda19d694bbcb757dd06617c0d80fb1df2e71864ad9633d7d797e30860df00d"));
        assertThat(r.ivCounterNonce()).as("a client IV is not echoed").isEmpty();
        fails(ResultReason.INVALID_MESSAGE, () -> decrypt(uid, cbc, r.data().orElseThrow().toByteArray(), Optional.empty()));
        fails(ResultReason.FEATURE_NOT_SUPPORTED, () -> encrypt(uid, Optional.of(params(BlockCipherMode.CTR, PaddingMethod.PKCS5)),
                DATA, iv));
    }

    /**
     * A registered three-key 3DES key (the key of NIST SP 800-67 Rev. 1 appendix B) encrypts and
     * decrypts in ECB and CBC, giving that example's ciphertext in ECB; Random IV makes an 8-byte
     * IV; other modes and a missing mode are Feature Not Supported.
     */
    @Test
    void tripleDesKeysEncryptAndDecryptInEcbAndCbc() {
        byte[] key = HEX.parseHex("0123456789abcdef23456789abcdef01456789abcdef0123");
        byte[] plain = "The qufck brown fox jump".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String uid = register(key, CryptographicAlgorithm.DES_3);
        var ecb = Optional.of(CryptographicParameters.of(CryptographicAlgorithm.DES_3, BlockCipherMode.ECB, PaddingMethod.NONE));
        byte[] ecbCt = encrypt(uid, ecb, plain, Optional.empty()).data().orElseThrow().toByteArray();
        assertThat(ecbCt).isEqualTo(HEX.parseHex("a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900"));
        assertThat(decrypt(uid, ecb, ecbCt, Optional.empty())).isEqualTo(plain);
        var cbc = Optional.of(CryptographicParameters.of(CryptographicAlgorithm.DES_3, BlockCipherMode.CBC, PaddingMethod.PKCS5));
        var iv = Optional.of(Bytes.of(HEX.parseHex("0001020304050607")));
        byte[] cbcCt = encrypt(uid, cbc, plain, iv).data().orElseThrow().toByteArray();
        assertThat(cbcCt).isEqualTo(HEX.parseHex("f368d06f3bbd614e60f2d0245cad3f818d5c69f2cb3fd5c7efa5066e2c4e03b9"));
        assertThat(decrypt(uid, cbc, cbcCt, iv)).isEqualTo(plain);
        var random = new CryptographicParameters(Optional.of(BlockCipherMode.CBC), Optional.of(PaddingMethod.PKCS5),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true), OptionalInt.of(64),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of());
        Encrypt.Response r = encrypt(uid, Optional.of(random), plain, Optional.empty());
        Optional<Bytes> serverIv = r.ivCounterNonce();
        assertThat(serverIv.orElseThrow().length()).isEqualTo(8);
        assertThat(decrypt(uid, cbc, r.data().orElseThrow().toByteArray(), serverIv)).isEqualTo(plain);
        fails(ResultReason.FEATURE_NOT_SUPPORTED, () -> encrypt(uid, Optional.of(CryptographicParameters.of(
                CryptographicAlgorithm.DES_3, BlockCipherMode.CTR, PaddingMethod.NONE)), plain, iv));
        fails(ResultReason.FEATURE_NOT_SUPPORTED, () -> encrypt(uid, Optional.empty(), plain, iv));
        fails(ResultReason.INVALID_FIELD, () -> encrypt(uid, cbc, plain, Optional.of(Bytes.of(new byte[16]))));
    }

    @Test
    void theKeysCryptographicParametersApplyWhenTheRequestHasNoneIncludingRandomIv() {
        var stored = new CryptographicParameters(Optional.of(BlockCipherMode.CBC), Optional.of(PaddingMethod.PKCS5),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of());
        String uid = register(KEY, CryptographicAlgorithm.AES, Attribute.cryptographicParameters(stored));
        Encrypt.Response r = encrypt(uid, Optional.empty(), DATA, Optional.empty());
        byte[] iv = r.ivCounterNonce().orElseThrow().toByteArray();
        assertThat(iv).hasSize(16);
        assertThat(r.data().orElseThrow().length()).isEqualTo(48);
        assertThat(r.tag()).isEmpty();
        assertThat(encrypt(uid, Optional.empty(), DATA, Optional.empty()).ivCounterNonce().orElseThrow().toByteArray())
                .as("a fresh IV each time").isNotEqualTo(iv);
        assertThat(decrypt(uid, Optional.empty(), r.data().orElseThrow().toByteArray(), Optional.of(Bytes.of(iv)))).isEqualTo(DATA);
        fails(ResultReason.INVALID_MESSAGE, () -> decrypt(uid, Optional.empty(), r.data().orElseThrow().toByteArray(), Optional.empty()));
    }

    @Test
    void gcmTagLengthsOutsideTwelveToSixteenAreGeneralFailureAndKeksKeepTheirModes() {
        String uid = register(new byte[16], CryptographicAlgorithm.AES);
        var iv = Optional.of(Bytes.of(new byte[12]));
        Encrypt.Response twelve = acme.encrypt(uid, CryptographicParameters.aesGcm(12), Bytes.of(new byte[16]), iv, Optional.empty());
        assertThat(twelve.data().orElseThrow().toByteArray()).isEqualTo(HEX.parseHex("0388dace60b6a392f328c2b971b2fe78"));
        assertThat(twelve.tag().orElseThrow().toByteArray()).isEqualTo(HEX.parseHex("ab6e47d42cec13bdf53a67b2"));
        assertThat(acme.decrypt(uid, CryptographicParameters.aesGcm(12), twelve.data().orElseThrow(), iv, Optional.empty(),
                twelve.tag()).toByteArray()).isEqualTo(new byte[16]);
        for (int bad : new int[] {1, 11, 17, 32}) {
            fails(ResultReason.GENERAL_FAILURE, () -> acme.encrypt(uid, CryptographicParameters.aesGcm(bad), Bytes.of(new byte[16]),
                    iv, Optional.empty()));
        }
        String kek = acme.create(dev.krypton.kmip.ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.objectGroup("kek"),
                Attribute.name("modes-kek"))).uniqueIdentifier();
        fails(ResultReason.FEATURE_NOT_SUPPORTED, () -> acme.encrypt(kek, params(BlockCipherMode.ECB, PaddingMethod.NONE),
                Bytes.of(new byte[16]), Optional.empty(), Optional.empty()));
    }

    @Test
    void chaCha20KeysDefaultToTheirOwnStream() {
        String uid = register(new byte[32], CryptographicAlgorithm.CHACHA20);
        byte[] ct = encrypt(uid, Optional.empty(), new byte[64], Optional.of(Bytes.of(new byte[8]))).data().orElseThrow().toByteArray();
        assertThat(HEX.formatHex(ct)).startsWith("76b8e0ada0f13d90405d6ae55386bd28");
        assertThat(decrypt(uid, Optional.empty(), ct, Optional.of(Bytes.of(new byte[8])))).isEqualTo(new byte[64]);
    }

    @Test
    void protectStopAndProcessStartDatesGateEncryptAndDecrypt() {
        Instant now = Instant.now();
        String uid = register(KEY, CryptographicAlgorithm.AES, Attribute.date(AttributeDef.PROTECT_STOP_DATE, now.minusSeconds(60)),
                Attribute.date(AttributeDef.PROCESS_START_DATE, now.plusSeconds(3600)));
        var ecb = Optional.of(params(BlockCipherMode.ECB, PaddingMethod.NONE));
        fails(ResultReason.PERMISSION_DENIED, () -> encrypt(uid, ecb, new byte[16], Optional.empty()));
        fails(ResultReason.PERMISSION_DENIED, () -> decrypt(uid, ecb, new byte[16], Optional.empty()));
        KmipOperations v2 = fixture.client(fixture.pki.client("acme"), dev.krypton.kmip.message.ProtocolVersion.V2_1);
        assertThatThrownBy(() -> v2.encrypt(uid, params(BlockCipherMode.ECB, PaddingMethod.NONE), Bytes.of(new byte[16]),
                Optional.empty(), Optional.empty())).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.reason()).isEqualTo(ResultReason.WRONG_KEY_LIFECYCLE_STATE));
    }

    @Test
    void usageLimitsInBytesRunOut() {
        Ttlv limits = new Ttlv.Structure(Tag.USAGE_LIMITS, List.of(new Ttlv.LongInteger(Tag.USAGE_LIMITS_TOTAL, 32),
                new Ttlv.Enumeration(Tag.USAGE_LIMITS_UNIT, UsageLimitsUnit.BYTE.value())));
        String uid = register(KEY, CryptographicAlgorithm.AES, Attribute.of(AttributeDef.USAGE_LIMITS, limits));
        var ecb = Optional.of(params(BlockCipherMode.ECB, PaddingMethod.NONE));
        encrypt(uid, ecb, new byte[16], Optional.empty());
        encrypt(uid, ecb, new byte[16], Optional.empty());
        fails(ResultReason.PERMISSION_DENIED, () -> encrypt(uid, ecb, new byte[16], Optional.empty()));
        assertThat(decrypt(uid, ecb, new byte[16], Optional.empty())).as("decrypt is not limited").hasSize(16);
        Ttlv stored = acme.getAttributes(uid, List.of()).values(new dev.krypton.kmip.attribute.AttributeKey.Standard(
                AttributeDef.USAGE_LIMITS)).getFirst();
        assertThat(((Ttlv.Structure) stored).find(Tag.USAGE_LIMITS_COUNT)).contains(new Ttlv.LongInteger(Tag.USAGE_LIMITS_COUNT, 0));
    }

    @Test
    void gcmEncryptInPartsEqualsTheOneShotResult() {
        String uid = register(HEX.parseHex("feffe9928665731c6d6a8f9467308308"), CryptographicAlgorithm.AES);
        var gcm = Optional.of(CryptographicParameters.aesGcm(16));
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        Encrypt.Response first = acme.client().call(new Encrypt.Request(Optional.of(uid), gcm,
                Optional.of(Bytes.of(HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"))),
                Optional.of(Bytes.of(HEX.parseHex("cafebabefacedbad"))), Optional.empty(), Optional.of(true), Optional.empty(),
                Optional.of(Bytes.of(aad))), Encrypt.Response.class);
        assertThat(first.data().orElseThrow().toByteArray())
                .isEqualTo(HEX.parseHex("61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c7423"));
        assertThat(first.tag()).isEmpty();
        Bytes correlation = first.correlationValue().orElseThrow();
        KmipOperations other = fixture.client("globex");
        assertThatThrownBy(() -> other.client().call(new Encrypt.Request(Optional.of(uid), gcm, Optional.of(Bytes.of(new byte[1])),
                Optional.empty(), Optional.of(correlation), Optional.empty(), Optional.of(true), Optional.empty()),
                Encrypt.Response.class)).isInstanceOf(KmipException.class);
        Encrypt.Response last = acme.client().call(new Encrypt.Request(Optional.of(uid), gcm,
                Optional.of(Bytes.of(HEX.parseHex("1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"))), Optional.empty(),
                Optional.of(correlation), Optional.empty(), Optional.of(true), Optional.empty()), Encrypt.Response.class);
        assertThat(last.data().orElseThrow().toByteArray())
                .isEqualTo(HEX.parseHex("73806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598"));
        assertThat(last.tag().orElseThrow().toByteArray()).isEqualTo(HEX.parseHex("3612d2e79e3b0785561be14aaca2fccb"));
        fails(ResultReason.INVALID_FIELD, () -> acme.client().call(new Encrypt.Request(Optional.of(uid), gcm,
                Optional.of(Bytes.of(new byte[1])), Optional.empty(), Optional.of(correlation), Optional.empty(), Optional.of(true),
                Optional.empty()), Encrypt.Response.class));
        fails(ResultReason.FEATURE_NOT_SUPPORTED, () -> acme.client().call(new Encrypt.Request(Optional.of(uid),
                Optional.of(params(BlockCipherMode.ECB, PaddingMethod.NONE)), Optional.of(Bytes.of(new byte[16])), Optional.empty(),
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()), Encrypt.Response.class));
    }

    @Test
    void rngRetrieveGivesFreshBytesWithinTheLimit() {
        byte[] a = acme.rngRetrieve(32).toByteArray();
        assertThat(a).hasSize(32).isNotEqualTo(acme.rngRetrieve(32).toByteArray());
        fails(ResultReason.INVALID_FIELD, () -> acme.rngRetrieve(0));
    }
}
