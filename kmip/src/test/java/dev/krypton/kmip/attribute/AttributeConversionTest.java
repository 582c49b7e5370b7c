package dev.krypton.kmip.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.ProtocolVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KMIP 1.x name/value attributes and KMIP 2.x tagged attributes convert into each other. */
class AttributeConversionTest {

    private static final Attributes SAMPLE = Attributes.of(
            Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
            Attribute.name("kek-1"), Attribute.flag(AttributeDef.SENSITIVE, true),
            Attribute.date(AttributeDef.ACTIVATION_DATE, Instant.ofEpochSecond(1_700_000_000L)),
            Attribute.of(AttributeDef.KEY_FORMAT_TYPE, new Ttlv.Enumeration(Tag.KEY_FORMAT_TYPE, 1)),
            Attribute.custom("x", "ID", new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "case-1")));

    @Test
    void v1AttributeIsNameIndexValueWithTheValueRetagged() {
        Structure v1 = AttributeCodec.writeV1(Attribute.cryptographicLength(128).withIndex(2));
        assertThat(v1).isEqualTo(Structure.of(Tag.ATTRIBUTE,
                new Ttlv.TextString(Tag.ATTRIBUTE_NAME, "Cryptographic Length"),
                new Ttlv.IntegerItem(Tag.ATTRIBUTE_INDEX, 2),
                new Ttlv.IntegerItem(Tag.ATTRIBUTE_VALUE, 128)));
    }

    @Test
    void structuredV1ValueKeepsItsChildren() {
        Structure v1 = AttributeCodec.writeV1(Attribute.name("kek-1"));
        Structure value = (Structure) v1.find(Tag.ATTRIBUTE_VALUE).orElseThrow();
        assertThat(value.find(Tag.NAME_VALUE)).contains(new Ttlv.TextString(Tag.NAME_VALUE, "kek-1"));
        assertThat(AttributeCodec.readV1(v1)).isEqualTo(Attribute.name("kek-1"));
    }

    @Test
    void v2AttributesStructureHoldsTaggedItemsAndVendorAttributes() {
        Structure v2 = AttributeCodec.writeAttributes(Tag.ATTRIBUTES, SAMPLE, ProtocolVersion.V2_1);
        assertThat(v2.items().getFirst()).isEqualTo(new Ttlv.Enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value()));
        assertThat(v2.items().getLast()).isEqualTo(Structure.of(Tag.ATTRIBUTE,
                new Ttlv.TextString(Tag.VENDOR_IDENTIFICATION, "x"), new Ttlv.TextString(Tag.ATTRIBUTE_NAME, "ID"),
                new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "case-1")));
        assertThat(AttributeCodec.readAttributes(v2)).isEqualTo(SAMPLE);
    }

    @Test
    void convertsV1ToV2AndBackWithoutLossForAttributesBothHave() {
        Attributes common = SAMPLE.existingIn(ProtocolVersion.V1_4);
        List<Structure> v1 = AttributeCodec.writeV1List(common, ProtocolVersion.V1_4);
        Attributes fromV1 = AttributeCodec.readV1List(v1);
        Structure v2 = AttributeCodec.writeAttributes(Tag.ATTRIBUTES, fromV1, ProtocolVersion.V2_1);
        Attributes fromV2 = AttributeCodec.readAttributes(v2);
        assertThat(fromV2).isEqualTo(common);
        assertThat(AttributeCodec.writeV1List(fromV2, ProtocolVersion.V1_4)).isEqualTo(v1);
        assertThat(fromV1.custom("x", "ID")).contains(new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "case-1"));
        assertThat(v1.getLast().find(Tag.ATTRIBUTE_NAME)).contains(new Ttlv.TextString(Tag.ATTRIBUTE_NAME, "x-ID"));
    }

    @Test
    void neverWritesToAV1PeerAnAttributeItsVersionLacks() {
        List<String> v10 = names(AttributeCodec.writeV1List(SAMPLE, ProtocolVersion.V1_0));
        List<String> v14 = names(AttributeCodec.writeV1List(SAMPLE, ProtocolVersion.V1_4));
        assertThat(v10).containsExactly("Cryptographic Algorithm", "Cryptographic Length", "Name", "Activation Date", "x-ID");
        assertThat(v14).contains("Sensitive").doesNotContain("Key Format Type");
    }

    @Test
    void attributesRemovedIn20AreNotWrittenTo2xPeers() {
        var policy = Attribute.of(AttributeDef.OPERATION_POLICY_NAME, new Ttlv.TextString(Tag.OPERATION_POLICY_NAME, "default"));
        assertThat(AttributeCodec.writeAttributes(Tag.ATTRIBUTES, Attributes.of(policy), ProtocolVersion.V2_0).items()).isEmpty();
        assertThat(AttributeCodec.writeV1List(Attributes.of(policy), ProtocolVersion.V1_4)).hasSize(1);
        assertThat(AttributeDef.KEY_FORMAT_TYPE.existsIn(ProtocolVersion.V1_4)).isFalse();
        assertThat(AttributeDef.SENSITIVE.existsIn(ProtocolVersion.V1_3)).isFalse();
        assertThat(AttributeDef.SENSITIVE.existsIn(ProtocolVersion.V2_1)).isTrue();
    }

    @Test
    void attributeReferencesAreTagEnumerationsOrVendorStructures() {
        var std = new AttributeKey.Standard(AttributeDef.STATE);
        assertThat(AttributeCodec.writeReference(std)).isEqualTo(new Ttlv.Enumeration(Tag.ATTRIBUTE_REFERENCE, Tag.STATE.value()));
        var vendor = new AttributeKey.Vendor("x", "ID");
        assertThat(AttributeCodec.readReference(AttributeCodec.writeReference(vendor))).isEqualTo(vendor);
        assertThat(AttributeCodec.readReference(AttributeCodec.writeReference(std))).isEqualTo(std);
    }

    @Test
    void wrongValueTypeUnknownNameAndTemplatesAreRefused() {
        assertReason(() -> AttributeCodec.readV1(Structure.of(Tag.ATTRIBUTE, new Ttlv.TextString(Tag.ATTRIBUTE_NAME, "Cryptographic Length"),
                new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, "256"))), ResultReason.INVALID_FIELD);
        assertReason(() -> AttributeKey.ofV1Name("Colour"), ResultReason.INVALID_FIELD);
        assertReason(() -> AttributeCodec.readV1(Structure.of(Tag.ATTRIBUTE, new Ttlv.TextString(Tag.ATTRIBUTE_NAME, "State"))),
                ResultReason.INVALID_FIELD);
        assertReason(() -> AttributeCodec.readAttributes(Structure.of(Tag.ATTRIBUTES, new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1))),
                ResultReason.INVALID_FIELD);
        assertReason(() -> AttributeCodec.readTemplateAttribute(Structure.of(Tag.TEMPLATE_ATTRIBUTE,
                Structure.of(Tag.NAME, new Ttlv.TextString(Tag.NAME_VALUE, "template")))), ResultReason.FEATURE_NOT_SUPPORTED);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ResultReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static List<String> names(List<Structure> v1) {
        return v1.stream().map(s -> ((Ttlv.TextString) s.find(Tag.ATTRIBUTE_NAME).orElseThrow()).value()).toList();
    }
}
