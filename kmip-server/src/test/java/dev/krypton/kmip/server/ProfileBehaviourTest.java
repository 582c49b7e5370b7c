package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.CertificateType;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.InteropFunction;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.KeyValue;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Interop;
import dev.krypton.kmip.payload.Locate;
import dev.krypton.kmip.payload.Log;
import dev.krypton.kmip.payload.Revoke;
import dev.krypton.testsupport.ManualClock;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the OASIS BL, SKLC and SKFF profile cases need of the server, one behaviour each: Interop
 * and Log, the attributes the server keeps or derives, registering every object type, and the
 * Result Reasons per protocol version.
 */
class ProfileBehaviourTest {

    static ServerFixture fixture;
    static KmipOperations v21;
    static KmipOperations v14;
    static final int ENC_DEC = CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();
    static final byte[] AES_128 = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef");

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        v21 = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V2_1);
        v14 = fixture.client("acme");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Attributes aes(String name, int bits) {
        return Attributes.of(Attribute.name(name), Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES),
                Attribute.cryptographicLength(bits), Attribute.cryptographicUsageMask(ENC_DEC));
    }

    static String registerAes(KmipOperations client, Attributes attributes) {
        return client.register(attributes, new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(AES_128),
                CryptographicAlgorithm.AES, 128))).uniqueIdentifier();
    }

    static ResultReason reasonOf(Executable call) {
        try {
            call.execute();
        } catch (KmipException e) {
            return e.reason();
        } catch (Throwable e) {
            throw new AssertionError("expected a KMIP failure, got " + e, e);
        }
        throw new AssertionError("expected a KMIP failure, the call succeeded");
    }

    static Ttlv attribute(KmipOperations client, String uid, AttributeDef def) {
        return client.getAttributes(uid, List.of(new AttributeKey.Standard(def))).first(def)
                .orElseThrow(() -> new AssertionError(def.specName() + " missing"));
    }

    @Test
    void interopAndLogSucceedWithEmptyPayloads() {
        assertThat(v21.client().call(new Interop.Request(InteropFunction.BEGIN, "BL-M-1-21"), Interop.Response.class))
                .isEqualTo(new Interop.Response());
        assertThat(v21.client().call(new Log.Request("line\nforged"), Log.Response.class)).isEqualTo(new Log.Response());
        assertThat(v21.client().call(new Interop.Request(InteropFunction.END, "BL-M-1-21"), Interop.Response.class))
                .isEqualTo(new Interop.Response());
    }

    @Test
    void queryListsTheOperationsOfTheRequestVersion() {
        assertThat(v21.query(QueryFunction.QUERY_OPERATIONS).operations())
                .contains(Operation.INTEROP, Operation.LOG, Operation.SET_ATTRIBUTE, Operation.CHECK);
        assertThat(v14.query(QueryFunction.QUERY_OPERATIONS).operations())
                .contains(Operation.CHECK).doesNotContain(Operation.INTEROP, Operation.LOG);
    }

    @Test
    void registeredKeyCarriesTheSha256DigestOfItsMaterial() throws Exception {
        String uid = registerAes(v21, aes("digested", 128));
        var digest = (Ttlv.Structure) attribute(v21, uid, AttributeDef.DIGEST);
        assertThat(((Ttlv.ByteString) digest.find(Tag.DIGEST_VALUE).orElseThrow()).value())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(AES_128));
        assertThat(digest.find(Tag.KEY_FORMAT_TYPE)).contains(Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, KeyFormatType.RAW));
        String created = v21.create(ObjectType.SYMMETRIC_KEY, aes("digested-created", 256)).uniqueIdentifier();
        var generated = (Ttlv.Structure) attribute(v21, created, AttributeDef.DIGEST);
        assertThat(((Ttlv.ByteString) generated.find(Tag.DIGEST_VALUE).orElseThrow()).value()).hasSize(32);
    }

    @Test
    void serverKeepsCreationFactsAndFreshUntilTheFirstGet() {
        String uid = v21.create(ObjectType.SYMMETRIC_KEY, aes("facts", 128)).uniqueIdentifier();
        Attributes all = v21.getAttributes(uid, List.of());
        assertThat(all.first(AttributeDef.ALWAYS_SENSITIVE)).contains(new Ttlv.BooleanItem(Tag.ALWAYS_SENSITIVE, false));
        assertThat(all.first(AttributeDef.NEVER_EXTRACTABLE)).contains(new Ttlv.BooleanItem(Tag.NEVER_EXTRACTABLE, false));
        assertThat(all.first(AttributeDef.ORIGINAL_CREATION_DATE)).isPresent();
        assertThat(all.first(AttributeDef.RANDOM_NUMBER_GENERATOR)).isPresent();
        assertThat(all.first(AttributeDef.SHORT_UNIQUE_IDENTIFIER).map(t -> ((Ttlv.ByteString) t).value().length)).contains(32);
        assertThat(all.first(AttributeDef.FRESH)).contains(new Ttlv.BooleanItem(Tag.FRESH, true));
        assertThat(v21.getAttributeList(uid)).contains(new AttributeKey.Standard(AttributeDef.LEASE_TIME),
                new AttributeKey.Standard(AttributeDef.LAST_CHANGE_DATE), new AttributeKey.Standard(AttributeDef.DIGEST));
        v21.activate(uid);
        v21.get(uid);
        assertThat(attribute(v21, uid, AttributeDef.FRESH)).isEqualTo(new Ttlv.BooleanItem(Tag.FRESH, false));
    }

    @Test
    void clientSetAttributesAreKeptEditedAndDated() throws Exception {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        Attributes asked = aes("contact", 128)
                .with(Attribute.of(AttributeDef.CONTACT_INFORMATION, new Ttlv.TextString(Tag.CONTACT_INFORMATION, "Joe")))
                .with(Attribute.date(AttributeDef.PROCESS_START_DATE, start));
        String uid = v21.create(ObjectType.SYMMETRIC_KEY, asked).uniqueIdentifier();
        assertThat(attribute(v21, uid, AttributeDef.CONTACT_INFORMATION)).isEqualTo(new Ttlv.TextString(Tag.CONTACT_INFORMATION, "Joe"));
        assertThat(attribute(v21, uid, AttributeDef.PROCESS_START_DATE)).isEqualTo(Ttlv.DateTime.of(Tag.PROCESS_START_DATE, start));
        long before = ((Ttlv.DateTime) attribute(v21, uid, AttributeDef.LAST_CHANGE_DATE)).epochSeconds();
        // The edit goes through a second server on the same engine whose clock the test moves an hour
        // on, so the new Last Change Date is that instant exactly, whatever the wall clock did.
        ManualClock clock = new ManualClock(Instant.now());
        clock.advance(Duration.ofHours(1));
        try (KmipServer dated = fixture.serve(fixture.engine, clock)) {
            KmipOperations later = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V2_1, dated.port());
            later.modifyAttribute(uid, Optional.empty(),
                    Attribute.of(AttributeDef.CONTACT_INFORMATION, new Ttlv.TextString(Tag.CONTACT_INFORMATION, "Ann")));
        }
        assertThat(attribute(v21, uid, AttributeDef.CONTACT_INFORMATION)).isEqualTo(new Ttlv.TextString(Tag.CONTACT_INFORMATION, "Ann"));
        long after = ((Ttlv.DateTime) attribute(v21, uid, AttributeDef.LAST_CHANGE_DATE)).epochSeconds();
        assertThat(after).isGreaterThan(before).isEqualTo(clock.instant().getEpochSecond());
        Attribute second = Attribute.of(AttributeDef.CONTACT_INFORMATION, new Ttlv.TextString(Tag.CONTACT_INFORMATION, "Bob"));
        assertThat(reasonOf(() -> v21.addAttribute(uid, second))).isEqualTo(ResultReason.ATTRIBUTE_SINGLE_VALUED);
        assertThat(reasonOf(() -> v14.addAttribute(uid, second))).isEqualTo(ResultReason.ILLEGAL_OPERATION);
        v21.deleteAttribute(uid, new AttributeKey.Standard(AttributeDef.CONTACT_INFORMATION), OptionalInt.empty());
        assertThat(v21.getAttributes(uid, List.of()).first(AttributeDef.CONTACT_INFORMATION)).isEmpty();
    }

    @Test
    void deleteAttributeAnswersTheDeletedInstanceInKmip1() {
        String uid = registerAes(v14, aes("deleted-instance", 128));
        var custom = Attribute.custom("x", "tag", new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "blue"));
        v14.addAttribute(uid, custom);
        var deleted = v14.deleteAttribute(uid, custom.key(), OptionalInt.empty()).deleted().orElseThrow();
        assertThat(deleted.key()).isEqualTo(custom.key());
        assertThat(deleted.value()).isEqualTo(custom.value());
    }

    @Test
    void createMakesTripleDesKeysOf168Bits() {
        Attributes des3 = Attributes.of(Attribute.cryptographicAlgorithm(CryptographicAlgorithm.DES_3),
                Attribute.cryptographicLength(168), Attribute.cryptographicUsageMask(ENC_DEC));
        String uid = v21.create(ObjectType.SYMMETRIC_KEY, des3).uniqueIdentifier();
        v21.activate(uid);
        KeyBlock block = ((ManagedObject.SymmetricKey) v21.get(uid).object()).keyBlock();
        assertThat(block.keyMaterial().orElseThrow().length()).isEqualTo(24);
        assertThat(block.cryptographicLength()).hasValue(168);
        assertThat(block.cryptographicAlgorithm()).contains(CryptographicAlgorithm.DES_3);
    }

    @Test
    void stateErrorsUseTheReasonEachVersionHas() {
        String uid = registerAes(v21, aes("state-errors", 128));
        v21.activate(uid);
        assertThat(reasonOf(() -> v21.destroy(uid))).isEqualTo(ResultReason.WRONG_KEY_LIFECYCLE_STATE);
        assertThat(reasonOf(() -> v14.destroy(uid))).isEqualTo(ResultReason.PERMISSION_DENIED);
        Attribute activation = Attribute.date(AttributeDef.ACTIVATION_DATE, Instant.now());
        assertThat(reasonOf(() -> v21.modifyAttribute(uid, Optional.empty(), activation)))
                .isEqualTo(ResultReason.WRONG_KEY_LIFECYCLE_STATE);
        Attribute state = Attribute.state(State.COMPROMISED);
        assertThat(reasonOf(() -> v21.modifyAttribute(uid, Optional.empty(), state))).isEqualTo(ResultReason.ATTRIBUTE_READ_ONLY);
        assertThat(reasonOf(() -> v14.modifyAttribute(uid, Optional.empty(), state.withIndex(0))))
                .isEqualTo(ResultReason.PERMISSION_DENIED);
        assertThat(reasonOf(() -> v21.get("acme:00000000-0000-0000-0000-000000000000"))).isEqualTo(ResultReason.OBJECT_NOT_FOUND);
        assertThat(reasonOf(() -> v14.get("acme:00000000-0000-0000-0000-000000000000"))).isEqualTo(ResultReason.ITEM_NOT_FOUND);
        assertThat(reasonOf(() -> v21.check(uid, OptionalInt.of(CryptographicUsageMask.SIGN.value()))))
                .isEqualTo(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK);
    }

    @Test
    void destroyedObjectIsObjectDestroyedOnGet() {
        String uid = registerAes(v21, aes("destroyed", 128));
        v21.destroy(uid);
        assertThat(attribute(v21, uid, AttributeDef.STATE)).isEqualTo(Ttlv.Enumeration.of(Tag.STATE, State.DESTROYED));
        assertThat(reasonOf(() -> v21.get(uid))).isEqualTo(ResultReason.OBJECT_DESTROYED);
        assertThat(reasonOf(() -> v14.get(uid))).isEqualTo(ResultReason.ITEM_NOT_FOUND);
    }

    @Test
    void locateFindsDestroyedObjectsOnlyWhenTheStorageStatusMaskAsksForThem() {
        String uid = registerAes(v21, aes("locate-destroyed", 128));
        Attributes byName = Attributes.of(Attribute.name("locate-destroyed"));
        assertThat(v14.locate(byName)).containsExactly(uid);
        v21.destroy(uid);
        assertThat(v14.locate(byName)).isEmpty();
        assertThat(v21.locate(byName)).isEmpty();
        assertThat(v21.locate(Attributes.of(Attribute.name("locate-destroyed"), Attribute.state(State.DESTROYED)))).isEmpty();
        assertThat(locateWithMask(byName, 1)).isEmpty();
        assertThat(locateWithMask(byName, 2)).isEmpty();
        assertThat(locateWithMask(byName, 4)).containsExactly(uid);
        assertThat(locateWithMask(byName, 5)).containsExactly(uid);
        String online = registerAes(v21, aes("locate-online", 128));
        assertThat(locateWithMask(Attributes.of(Attribute.name("locate-online")), 4)).isEmpty();
        assertThat(locateWithMask(Attributes.of(Attribute.name("locate-online")), 5)).containsExactly(online);
    }

    private static List<String> locateWithMask(Attributes attributes, int mask) {
        var request = new Locate.Request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(mask), Optional.empty(), attributes);
        return v21.client().call(request, Locate.Response.class).uniqueIdentifiers();
    }

    @Test
    void aNameAnotherObjectHasCannotBeAdded() {
        String uid = registerAes(v21, aes("unique-name", 128));
        assertThat(reasonOf(() -> v21.addAttribute(uid, Attribute.name("unique-name"))))
                .isEqualTo(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE);
        v21.addAttribute(uid, Attribute.name("unique-name-2"));
        assertThat(v21.getAttributes(uid, List.of()).names()).containsExactly("unique-name", "unique-name-2");
    }

    @Test
    void locateTakesTwoDatesOfOneAttributeAsARange() {
        Instant stop = Instant.parse("2000-01-31T14:00:00Z");
        var secret = new ManagedObject.SecretData(SecretDataType.PASSWORD, KeyBlock.opaque(Bytes.of(new byte[] {1, 2, 3})));
        String uid = v21.register(Attributes.of(Attribute.date(AttributeDef.PROTECT_STOP_DATE, stop)), secret).uniqueIdentifier();
        assertThat(locate(Attribute.date(AttributeDef.PROTECT_STOP_DATE, stop.minusSeconds(86_400)),
                Attribute.date(AttributeDef.PROTECT_STOP_DATE, stop.plusSeconds(86_400)))).contains(uid);
        assertThat(locate(Attribute.date(AttributeDef.PROTECT_STOP_DATE, stop.plusSeconds(1)),
                Attribute.date(AttributeDef.PROTECT_STOP_DATE, stop.plusSeconds(86_400)))).doesNotContain(uid);
    }

    private static List<String> locate(Attribute... attributes) {
        var request = new Locate.Request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                Attributes.of(Attribute.objectType(ObjectType.SECRET_DATA)).with(attributes[0]).with(attributes[1]));
        return v21.client().call(request, Locate.Response.class).uniqueIdentifiers();
    }

    @Test
    void rawSecretDataComesBackRaw() {
        var secret = new ManagedObject.SecretData(SecretDataType.PASSWORD,
                new KeyBlock(KeyFormatType.RAW, Optional.empty(), KeyValue.Plain.of(Bytes.of("password".getBytes())),
                        Optional.empty(), OptionalInt.empty(), Optional.empty()));
        String uid = v21.register(Attributes.empty(), secret).uniqueIdentifier();
        assertThat(v21.get(uid).object()).isEqualTo(secret);
    }

    @Test
    void transparentSymmetricKeyComesBackTransparent() {
        var value = new Ttlv.Structure(Tag.KEY_VALUE, List.of(new Ttlv.Structure(Tag.KEY_MATERIAL,
                List.of(new Ttlv.ByteString(Tag.KEY, AES_128)))));
        var key = new ManagedObject.SymmetricKey(new KeyBlock(KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, Optional.empty(),
                new KeyValue.Structured(value), Optional.of(CryptographicAlgorithm.AES), OptionalInt.of(128), Optional.empty()));
        String uid = v21.register(Attributes.of(Attribute.cryptographicUsageMask(ENC_DEC)), key).uniqueIdentifier();
        assertThat(v21.get(uid).object()).isEqualTo(key);
        assertThat(attribute(v21, uid, AttributeDef.CRYPTOGRAPHIC_LENGTH)).isEqualTo(new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_LENGTH, 128));
    }

    @Test
    void certificatesRegisterWithTheirDerivedAttributesAndComeBackAsRegistered() throws Exception {
        byte[] der = fixture.pki.client("cert-subject").certificate().getEncoded();
        var certificate = new ManagedObject.OtherObject(ObjectType.CERTIFICATE, new Ttlv.Structure(Tag.CERTIFICATE, List.of(
                Ttlv.Enumeration.of(Tag.CERTIFICATE_TYPE, CertificateType.X_509), new Ttlv.ByteString(Tag.CERTIFICATE_VALUE, der))));
        String uid = v21.register(Attributes.of(Attribute.of(AttributeDef.CERTIFICATE_TYPE,
                Ttlv.Enumeration.of(Tag.CERTIFICATE_TYPE, CertificateType.X_509))), certificate).uniqueIdentifier();
        assertThat(attribute(v21, uid, AttributeDef.CERTIFICATE_SUBJECT_CN))
                .isEqualTo(new Ttlv.TextString(Tag.CERTIFICATE_SUBJECT_CN, "cert-subject"));
        assertThat(attribute(v21, uid, AttributeDef.CERTIFICATE_ISSUER_CN))
                .isEqualTo(new Ttlv.TextString(Tag.CERTIFICATE_ISSUER_CN, "krypton-test-ca"));
        assertThat(attribute(v21, uid, AttributeDef.CERTIFICATE_LENGTH)).isEqualTo(new Ttlv.IntegerItem(Tag.CERTIFICATE_LENGTH, der.length));
        assertThat(attribute(v21, uid, AttributeDef.OBJECT_TYPE)).isEqualTo(Ttlv.Enumeration.of(Tag.OBJECT_TYPE, ObjectType.CERTIFICATE));
        assertThat(v21.get(uid).object()).isEqualTo(certificate);
        Attribute length = Attribute.of(AttributeDef.CERTIFICATE_LENGTH, new Ttlv.IntegerItem(Tag.CERTIFICATE_LENGTH, 1));
        assertThat(reasonOf(() -> v21.modifyAttribute(uid, Optional.empty(), length))).isEqualTo(ResultReason.ATTRIBUTE_READ_ONLY);
    }

    @Test
    void privateKeysAreKeptAsRegisteredAndSensitiveOnesAreRefused() {
        var block = new Ttlv.Structure(Tag.KEY_BLOCK, List.of(Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, KeyFormatType.PKCS8),
                new Ttlv.Structure(Tag.KEY_VALUE, List.of(new Ttlv.ByteString(Tag.KEY_MATERIAL, new byte[] {0x30, 0x01, 0x00}))),
                Ttlv.Enumeration.of(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.RSA),
                new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_LENGTH, 1024)));
        var key = new ManagedObject.OtherObject(ObjectType.PRIVATE_KEY, new Ttlv.Structure(Tag.PRIVATE_KEY, List.of(block)));
        String uid = v21.register(Attributes.of(Attribute.cryptographicUsageMask(CryptographicUsageMask.SIGN.value())), key)
                .uniqueIdentifier();
        assertThat(v21.get(uid).object()).isEqualTo(key);
        assertThat(attribute(v21, uid, AttributeDef.CRYPTOGRAPHIC_ALGORITHM))
                .isEqualTo(Ttlv.Enumeration.of(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.RSA));
        assertThat(v21.getAttributes(uid, List.of()).first(AttributeDef.DIGEST)).isEmpty();
        assertThat(attribute(v21, uid, AttributeDef.KEY_FORMAT_TYPE))
                .isEqualTo(Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, KeyFormatType.PKCS8));
        String sensitive = v21.register(Attributes.of(Attribute.flag(AttributeDef.SENSITIVE, true)), key).uniqueIdentifier();
        assertThat(reasonOf(() -> v21.get(sensitive))).isEqualTo(ResultReason.SENSITIVE);
    }

    @Test
    void revokeKeepsItsReasonAndCompromiseOccurrenceDate() {
        String uid = registerAes(v21, aes("revoked", 128));
        Instant occurred = Instant.parse("2018-12-09T08:43:13Z");
        v21.client().call(new Revoke.Request(Optional.of(uid), new Revoke.Reason(RevocationReasonCode.KEY_COMPROMISE,
                Optional.of("breach")), Optional.of(occurred)), Revoke.Response.class);
        assertThat(attribute(v21, uid, AttributeDef.STATE)).isEqualTo(Ttlv.Enumeration.of(Tag.STATE, State.COMPROMISED));
        assertThat(attribute(v21, uid, AttributeDef.COMPROMISE_OCCURRENCE_DATE))
                .isEqualTo(Ttlv.DateTime.of(Tag.COMPROMISE_OCCURRENCE_DATE, occurred));
        var reason = (Ttlv.Structure) attribute(v21, uid, AttributeDef.REVOCATION_REASON);
        assertThat(reason.find(Tag.REVOCATION_MESSAGE)).contains(new Ttlv.TextString(Tag.REVOCATION_MESSAGE, "breach"));
    }

    @Test
    void aPastDeactivationDateDeactivatesAtOnceAndAFutureOneIsRefused() {
        Attributes past = aes("deactivated", 128).with(Attribute.date(AttributeDef.ACTIVATION_DATE, Instant.parse("2000-02-01T00:00:00Z")))
                .with(Attribute.date(AttributeDef.DEACTIVATION_DATE, Instant.parse("2000-02-02T00:00:00Z")));
        String uid = registerAes(v21, past);
        assertThat(attribute(v21, uid, AttributeDef.STATE)).isEqualTo(Ttlv.Enumeration.of(Tag.STATE, State.DEACTIVATED));
        Attributes future = aes("scheduled", 128).with(Attribute.date(AttributeDef.DEACTIVATION_DATE, Instant.now().plusSeconds(3600)));
        assertThat(reasonOf(() -> registerAes(v21, future))).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
        assertThat(v21.locate(Attributes.of(Attribute.name("scheduled")))).isEmpty();
    }
}
