package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
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
import dev.krypton.kmip.object.ManagedObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenant objects (not L3 KEKs): Create, Register, Get, Activate, Check and the attribute operations. */
class TenantObjectsTest {

    static ServerFixture fixture;
    static KmipOperations acme;
    static final int ENC_DEC = CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        acme = fixture.client("acme");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Attributes aes(String name) {
        return Attributes.of(Attribute.name(name), Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES),
                Attribute.cryptographicLength(256), Attribute.cryptographicUsageMask(ENC_DEC));
    }

    @Test
    void createdKeyIsPreActiveUntilActivated() {
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, aes("pre")).uniqueIdentifier();
        assertThat(uid).startsWith("acme:");
        assertThat(acme.getAttributes(uid, List.of()).state()).contains(State.PRE_ACTIVE);
        assertThat(acme.activate(uid)).isEqualTo(uid);
        Attributes a = acme.getAttributes(uid, List.of());
        assertThat(a.state()).contains(State.ACTIVE);
        assertThat(a.cryptographicUsageMask()).hasValue(ENC_DEC);
        assertThat(a.date(AttributeDef.ACTIVATION_DATE)).isPresent();
    }

    @Test
    void registeredKeyComesBackWithGetAndExtractableFalseRefusesIt() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        var object = new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(key), CryptographicAlgorithm.AES, 256));
        String uid = acme.register(aes("registered"), object).uniqueIdentifier();
        var got = acme.get(uid);
        assertThat(((ManagedObject.SymmetricKey) got.object()).keyBlock().keyMaterial().orElseThrow().toByteArray()).isEqualTo(key);
        String locked = acme.register(aes("locked").with(Attribute.flag(AttributeDef.EXTRACTABLE, false)), object).uniqueIdentifier();
        assertThatThrownBy(() -> acme.get(locked))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.NOT_EXTRACTABLE));
        String sensitive = acme.register(aes("sensitive").with(Attribute.flag(AttributeDef.SENSITIVE, true)), object)
                .uniqueIdentifier();
        assertThatThrownBy(() -> acme.get(sensitive))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.SENSITIVE));
    }

    @Test
    void checkRefusesAUsageTheKeyDoesNotAllow() {
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, aes("checked")).uniqueIdentifier();
        assertThat(acme.check(uid, OptionalInt.of(CryptographicUsageMask.ENCRYPT.value())).uniqueIdentifier()).isEqualTo(uid);
        assertThatThrownBy(() -> acme.check(uid, OptionalInt.of(CryptographicUsageMask.SIGN.value())))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
    }

    @Test
    void namesAndCustomAttributesCanBeAddedModifiedAndDeleted() {
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, aes("first")).uniqueIdentifier();
        acme.addAttribute(uid, Attribute.name("second"));
        assertThat(acme.getAttributes(uid, List.of()).names()).containsExactly("first", "second");
        acme.modifyAttribute(uid, Optional.of(Attribute.name("first")), Attribute.name("renamed"));
        assertThat(acme.getAttributes(uid, List.of()).names()).containsExactly("renamed", "second");
        var custom = Attribute.custom("x", "owner", new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "team-a"));
        acme.addAttribute(uid, custom);
        assertThat(acme.getAttributes(uid, List.of()).custom("x", "owner")).isPresent();
        acme.deleteAttribute(uid, new AttributeKey.Vendor("x", "owner"), OptionalInt.empty());
        assertThat(acme.getAttributes(uid, List.of()).custom("x", "owner")).isEmpty();
        assertThatThrownBy(() -> acme.addAttribute(uid, Attribute.state(State.ACTIVE)))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
    }

    @Test
    void getAttributesOfNamedAttributesReturnsOnlyThose() {
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, aes("narrow")).uniqueIdentifier();
        Attributes a = acme.getAttributes(uid, List.of(new AttributeKey.Standard(AttributeDef.STATE)));
        assertThat(a.list()).hasSize(1);
        assertThat(a.state()).contains(State.PRE_ACTIVE);
    }

    @Test
    void aKmip12ClientNeverSeesAttributesItsVersionLacks() {
        String uid = acme.create(ObjectType.SYMMETRIC_KEY, aes("versioned")).uniqueIdentifier();
        assertThat(acme.getAttributes(uid, List.of()).first(AttributeDef.SENSITIVE)).isPresent();
        var old = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V1_2);
        Attributes seen = old.getAttributes(uid, List.of());
        assertThat(seen.state()).contains(State.PRE_ACTIVE);
        assertThat(seen.list()).noneMatch(a -> a.key() instanceof AttributeKey.Standard s && !s.def().existsIn(ProtocolVersion.V1_2));
        assertThat(old.getAttributeList(uid)).doesNotContain(new AttributeKey.Standard(AttributeDef.EXTRACTABLE));
    }

    @Test
    void kmip21ClientCanCreateEncryptAndSetAttributes() {
        var v21 = fixture.client(fixture.pki.client("acme"), ProtocolVersion.V2_1);
        String uid = v21.create(ObjectType.SYMMETRIC_KEY, aes("two-one")).uniqueIdentifier();
        v21.setAttribute(uid, Attribute.flag(AttributeDef.SENSITIVE, true));
        assertThat(v21.getAttributes(uid, List.of()).flag(AttributeDef.SENSITIVE)).contains(true);
    }
}
