package dev.krypton.kmip.payload;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeCodec;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.ProtocolVersion;
import java.util.Optional;

/**
 * The version switch for attribute lists inside payloads: KMIP 1.x uses a Template-Attribute
 * (or bare Attribute structures), KMIP 2.x an Attributes structure.
 */
final class AttributeFields {
    private AttributeFields() {
    }

    /** Template-Attribute (1.x) or Attributes (2.x); absent means empty. */
    static Attributes readGrouped(Fields f, ProtocolVersion v) {
        return v.isV2()
                ? f.struct(Tag.ATTRIBUTES).map(AttributeCodec::readAttributes).orElse(Attributes.empty())
                : f.struct(Tag.TEMPLATE_ATTRIBUTE).map(AttributeCodec::readTemplateAttribute).orElse(Attributes.empty());
    }

    /** Writes Template-Attribute (1.x) or Attributes (2.x); left out when empty unless {@code always}. */
    static Builder writeGrouped(Builder b, Attributes a, ProtocolVersion v, boolean always) {
        Attributes present = a.existingIn(v);
        if (present.isEmpty() && !always) {
            return b;
        }
        return b.item(v.isV2() ? AttributeCodec.writeAttributes(Tag.ATTRIBUTES, present, v)
                : AttributeCodec.writeTemplateAttribute(Tag.TEMPLATE_ATTRIBUTE, present, v));
    }

    /** Bare Attribute structures (1.x) or one Attributes structure (2.x). */
    static Attributes readFlat(Fields f, ProtocolVersion v) {
        return v.isV2()
                ? f.struct(Tag.ATTRIBUTES).map(AttributeCodec::readAttributes).orElse(Attributes.empty())
                : AttributeCodec.readV1List(f.structs(Tag.ATTRIBUTE));
    }

    /** Writes bare Attribute structures (1.x) or an Attributes structure (2.x, always present). */
    static Builder writeFlat(Builder b, Attributes a, ProtocolVersion v) {
        return v.isV2() ? b.item(AttributeCodec.writeAttributes(Tag.ATTRIBUTES, a, v)) : b.items(AttributeCodec.writeV1List(a, v));
    }

    /** One attribute: Attribute (1.x) or the wrapper {@code v2Tag} (New/Current Attribute, 2.x). */
    static Optional<Attribute> readOne(Fields f, ProtocolVersion v, Tag v2Tag) {
        return v.isV2() ? f.struct(v2Tag).map(AttributeCodec::readWrapped) : f.struct(Tag.ATTRIBUTE).map(AttributeCodec::readV1);
    }

    /** Writes one attribute as a KMIP 1.x Attribute structure. */
    static Structure writeV1(Attribute a) {
        return AttributeCodec.writeV1(a);
    }

    /** Writes one attribute as Attribute (1.x) or inside {@code v2Tag} (2.x). */
    static Ttlv writeOne(Attribute a, ProtocolVersion v, Tag v2Tag) {
        return v.isV2() ? AttributeCodec.writeWrapped(v2Tag, a) : AttributeCodec.writeV1(a);
    }
}
