package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The L3 KEK path end to end over mutual TLS with the project's KmipClient. */
class KekOperationsTest {

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

    static String createKek(KmipOperations ops, String name) {
        return ops.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name(name), Attribute.objectGroup("kek"),
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256))).uniqueIdentifier();
    }

    @Test
    void discoverVersionsListsEveryVersionNewestFirstAndFiltersTheClientsList() {
        assertThat(acme.discoverVersions(List.of())).containsExactlyElementsOf(ProtocolVersion.SUPPORTED);
        assertThat(acme.discoverVersions(List.of(new ProtocolVersion(3, 0), ProtocolVersion.V1_2)))
                .containsExactly(ProtocolVersion.V1_2);
    }

    @Test
    void queryNamesOperationsObjectsVendorAndProfiles() {
        var r = acme.query(QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS, QueryFunction.QUERY_SERVER_INFORMATION,
                QueryFunction.QUERY_PROFILES);
        assertThat(r.operations()).contains(dev.krypton.kmip.Operation.ENCRYPT, dev.krypton.kmip.Operation.RE_KEY,
                dev.krypton.kmip.Operation.RNG_RETRIEVE, dev.krypton.kmip.Operation.QUERY).hasSize(19)
                .doesNotContain(dev.krypton.kmip.Operation.SET_ATTRIBUTE, dev.krypton.kmip.Operation.INTEROP);
        assertThat(r.objectTypes()).containsExactly(ObjectType.SYMMETRIC_KEY, ObjectType.SECRET_DATA, ObjectType.PRIVATE_KEY,
                ObjectType.PUBLIC_KEY, ObjectType.CERTIFICATE, ObjectType.OPAQUE_OBJECT);
        assertThat(r.vendorIdentification()).contains("Krypton");
        assertThat(r.other()).anyMatch(t -> t.tag().equals(Tag.PROFILE_INFORMATION));
    }

    @Test
    void queryNamesTheOperationsOfTheRequestsKmipLine() {
        var v21 = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V2_1).query(QueryFunction.QUERY_OPERATIONS);
        assertThat(v21.operations()).contains(dev.krypton.kmip.Operation.SET_ATTRIBUTE, dev.krypton.kmip.Operation.INTEROP, dev.krypton.kmip.Operation.LOG).hasSize(22);
        var v14 = acme.query(QueryFunction.QUERY_OPERATIONS);
        assertThat(v14.operations()).allMatch(o -> o.versions().contains(dev.krypton.kmip.SpecVersion.KMIP_1));
    }

    @Test
    void createKekNamesItTenantKekVersionAndItIsActive() {
        String uid = createKek(acme, "payments");
        assertThat(uid).isEqualTo("acme:payments:1");
        Attributes a = acme.getAttributes(uid, List.of());
        assertThat(a.state()).contains(State.ACTIVE);
        assertThat(a.names()).containsExactly("payments");
        assertThat(a.values(new dev.krypton.kmip.attribute.AttributeKey.Standard(AttributeDef.OBJECT_GROUP)))
                .extracting(v -> ((Ttlv.TextString) v).value()).containsExactlyInAnyOrder("acme", "kek");
        assertThat(acme.getAttributeList(uid)).contains(new dev.krypton.kmip.attribute.AttributeKey.Standard(AttributeDef.STATE));
    }

    @Test
    void gcmRoundTripWithServerIvAndAad() {
        String uid = createKek(acme, "gcm");
        byte[] dek = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Bytes aad = Bytes.of("context".getBytes(StandardCharsets.US_ASCII));
        var enc = acme.encrypt(uid, CryptographicParameters.aesGcm(16), Bytes.of(dek), Optional.empty(), Optional.of(aad));
        assertThat(enc.ivCounterNonce()).hasValueSatisfying(iv -> assertThat(iv.length()).isEqualTo(12));
        assertThat(enc.tag()).hasValueSatisfying(t -> assertThat(t.length()).isEqualTo(16));
        Bytes plain = acme.decrypt(uid, CryptographicParameters.aesGcm(16), enc.data().orElseThrow(), enc.ivCounterNonce(),
                Optional.of(aad), enc.tag());
        assertThat(plain.toByteArray()).isEqualTo(dek);
        assertThatThrownBy(() -> acme.decrypt(uid, CryptographicParameters.aesGcm(16), enc.data().orElseThrow(),
                enc.ivCounterNonce(), Optional.of(Bytes.of(new byte[] {1})), enc.tag()))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE));
    }

    @Test
    void nistKeyWrapAndKeyWrapPaddingRoundTrip() {
        String uid = createKek(acme, "wrap");
        byte[] dek = new byte[32];
        new java.security.SecureRandom().nextBytes(dek);
        for (BlockCipherMode mode : List.of(BlockCipherMode.NISTKEYWRAP, BlockCipherMode.AESKEYWRAPPADDING)) {
            var params = CryptographicParameters.of(CryptographicAlgorithm.AES, mode, PaddingMethod.NONE);
            var enc = acme.encrypt(uid, params, Bytes.of(dek), Optional.empty(), Optional.empty());
            assertThat(enc.data().orElseThrow().length()).isEqualTo(40);
            assertThat(enc.tag()).isEmpty();
            assertThat(acme.decrypt(uid, params, enc.data().orElseThrow(), Optional.empty(), Optional.empty(), Optional.empty())
                    .toByteArray()).isEqualTo(dek);
        }
        byte[] odd = new byte[20];
        var kwp = CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.AESKEYWRAPPADDING, PaddingMethod.NONE);
        var enc = acme.encrypt(uid, kwp, Bytes.of(odd), Optional.empty(), Optional.empty());
        assertThat(acme.decrypt(uid, kwp, enc.data().orElseThrow(), Optional.empty(), Optional.empty(), Optional.empty())
                .toByteArray()).isEqualTo(odd);
    }

    @Test
    void unsupportedModeIsRefusedWithFeatureNotSupported() {
        String uid = createKek(acme, "cbc");
        var cbc = CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.CBC, PaddingMethod.PKCS5);
        assertThatThrownBy(() -> acme.encrypt(uid, cbc, Bytes.of(new byte[16]), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void reKeyMakesANewActiveVersionAndTheOldOneDecryptsOnly() {
        String v1 = createKek(acme, "rotating");
        var gcm = CryptographicParameters.aesGcm(16);
        var enc = acme.encrypt(v1, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
        String v2 = acme.reKey(v1);
        assertThat(v2).isEqualTo("acme:rotating:2");
        assertThat(acme.getAttributes(v1, List.of()).state()).contains(State.DEACTIVATED);
        assertThat(acme.decrypt(v1, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(), enc.tag())
                .toByteArray()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> acme.encrypt(v1, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty()))
                .isInstanceOf(KmipException.class);
        assertThat(acme.encrypt(v2, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty()).data()).isPresent();
    }

    @Test
    void locateFindsKeksByNameAndGroupWithPaging() {
        String a = createKek(acme, "locate-me");
        assertThat(acme.locate(Attributes.of(Attribute.name("locate-me")))).containsExactly(a);
        List<String> keks = acme.locate(Attributes.of(Attribute.objectGroup("kek")));
        assertThat(keks).contains(a).allMatch(u -> u.split(":").length == 3);
        var page = fixture.client("acme").locate(Attributes.of(Attribute.objectGroup("kek"), Attribute.state(State.ACTIVE)));
        assertThat(page).contains(a);
        assertThat(acme.locate(Attributes.of(Attribute.name("no-such-name")))).isEmpty();
    }

    @Test
    void getOfAKekIsPermissionDenied() {
        String uid = createKek(acme, "secret");
        assertThatThrownBy(() -> acme.get(uid))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
    }

    @Test
    void revokeThenDestroyShredsTheVersion() {
        String uid = createKek(acme, "doomed");
        assertThatThrownBy(() -> acme.destroy(uid)).isInstanceOf(KmipException.class);
        acme.revoke(uid, RevocationReasonCode.CESSATION_OF_OPERATION);
        assertThat(acme.getAttributes(uid, List.of()).state()).contains(State.DEACTIVATED);
        acme.destroy(uid);
        assertThatThrownBy(() -> acme.encrypt(uid, CryptographicParameters.aesGcm(16), Bytes.of(new byte[32]), Optional.empty(),
                Optional.empty())).isInstanceOf(KmipException.class);
    }

    @Test
    void unknownIdentifierIsItemNotFound() {
        assertThatThrownBy(() -> acme.getAttributes("acme:nothing:7", List.of()))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.ITEM_NOT_FOUND));
        assertThatThrownBy(() -> acme.getAttributes("garbage", List.of()))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.ITEM_NOT_FOUND));
    }

    @Test
    void rngRetrieveReturnsTheLengthAskedAndRefusesTooMuch() {
        Bytes a = acme.rngRetrieve(32);
        assertThat(a.length()).isEqualTo(32);
        assertThat(a).isNotEqualTo(acme.rngRetrieve(32));
        assertThatThrownBy(() -> acme.rngRetrieve(1 << 20))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
    }
}
