package dev.krypton.kmip.attribute;

import dev.krypton.kmip.EnumFamily;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Attributes on the wire in both encodings.
 *
 * <p>KMIP 1.x (1.4 sections 2.1.1 and 2.1.8): {@code Attribute {Attribute Name, Attribute Index?,
 * Attribute Value}}, grouped in a Template-Attribute. KMIP 2.x (2.1 sections 5.1 to 5.7): an
 * Attributes structure of items tagged with the attribute's tag, vendor attributes as
 * {@code Attribute {Vendor Identification, Attribute Name, Attribute Value}}, Attribute Reference
 * as an Enumeration of the tag or a {Vendor Identification, Attribute Name} structure. Writers
 * leave out attributes the target version lacks.
 */
public final class AttributeCodec {
    private AttributeCodec() {
    }

    /** Reads one KMIP 1.x Attribute structure. */
    public static Attribute readV1(Structure s) {
        Fields f = Fields.of(s, "Attribute");
        AttributeKey key = AttributeKey.ofV1Name(f.requiredText(Tag.ATTRIBUTE_NAME));
        OptionalInt index = f.integer(Tag.ATTRIBUTE_INDEX);
        Ttlv value = f.any(Tag.ATTRIBUTE_VALUE).orElseThrow(() -> f.invalid("missing Attribute Value for " + key.v1Name()));
        f.end();
        return new Attribute(key, value, index);
    }

    /** Writes one KMIP 1.x Attribute structure (tag Attribute). */
    public static Structure writeV1(Attribute a) {
        Builder b = Builder.of(Tag.ATTRIBUTE).text(Tag.ATTRIBUTE_NAME, a.key().v1Name()).integer(Tag.ATTRIBUTE_INDEX, a.index());
        return b.item(Retag.to(Tag.ATTRIBUTE_VALUE, a.value())).build();
    }

    /** Reads KMIP 1.x Attribute structures found as a list. */
    public static Attributes readV1List(List<Structure> attributes) {
        return new Attributes(attributes.stream().map(AttributeCodec::readV1).toList());
    }

    /** Writes the attributes that exist in {@code v} as KMIP 1.x Attribute structures. */
    public static List<Structure> writeV1List(Attributes attributes, ProtocolVersion v) {
        return attributes.existingIn(v).list().stream().map(AttributeCodec::writeV1).toList();
    }

    /** Reads a Template-Attribute; templates referenced by Name (deprecated since 1.3) are refused. */
    public static Attributes readTemplateAttribute(Structure s) {
        Fields f = Fields.of(s, s.tag().specName());
        if (!f.all(Tag.NAME).isEmpty()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "Template objects referenced by Name are not supported");
        }
        Attributes result = readV1List(f.structs(Tag.ATTRIBUTE));
        f.end();
        return result;
    }

    /** Writes a Template-Attribute (or Common/Private/Public Template-Attribute) structure. */
    public static Structure writeTemplateAttribute(Tag tag, Attributes attributes, ProtocolVersion v) {
        return Builder.of(tag).items(writeV1List(attributes, v)).build();
    }

    /** Reads one KMIP 2.x attribute item (a child of Attributes, New Attribute or Current Attribute). */
    public static Attribute readV2(Ttlv item) {
        if (item.tag().equals(Tag.ATTRIBUTE)) {
            if (!(item instanceof Structure vendor)) {
                throw new KmipException(ResultReason.INVALID_FIELD, "Vendor Attribute must be a Structure");
            }
            Fields f = Fields.of(vendor, "Vendor Attribute");
            var key = new AttributeKey.Vendor(f.requiredText(Tag.VENDOR_IDENTIFICATION), f.requiredText(Tag.ATTRIBUTE_NAME));
            Ttlv value = f.any(Tag.ATTRIBUTE_VALUE).orElseThrow(() -> f.invalid("missing Attribute Value in Vendor Attribute"));
            f.end();
            return new Attribute(key, value, OptionalInt.empty());
        }
        AttributeDef def = AttributeDef.byTag(item.tag()).orElseThrow(() ->
                new KmipException(ResultReason.INVALID_FIELD, item.tag() + " is not a known attribute"));
        return Attribute.of(def, item);
    }

    /** Writes one attribute as a KMIP 2.x item. */
    public static Ttlv writeV2(Attribute a) {
        return switch (a.key()) {
            case AttributeKey.Standard s -> a.value();
            case AttributeKey.Vendor v -> Builder.of(Tag.ATTRIBUTE).text(Tag.VENDOR_IDENTIFICATION, v.vendorIdentification())
                    .text(Tag.ATTRIBUTE_NAME, v.name()).item(a.value()).build();
        };
    }

    /** Reads a KMIP 2.x Attributes (or Common/Private/Public Attributes) structure. */
    public static Attributes readAttributes(Structure s) {
        List<Attribute> out = new ArrayList<>(s.items().size());
        s.items().forEach(item -> out.add(readV2(item)));
        return new Attributes(out);
    }

    /** Writes the attributes that exist in {@code v} as a KMIP 2.x structure with this tag. */
    public static Structure writeAttributes(Tag tag, Attributes attributes, ProtocolVersion v) {
        return Builder.of(tag).items(attributes.existingIn(v).list().stream().map(AttributeCodec::writeV2).toList()).build();
    }

    /** Reads the single attribute inside a KMIP 2.x New Attribute or Current Attribute. */
    public static Attribute readWrapped(Structure s) {
        if (s.items().size() != 1) {
            throw new KmipException(ResultReason.INVALID_FIELD, s.tag().specName() + " must hold exactly one attribute");
        }
        return readV2(s.items().getFirst());
    }

    /** Writes a KMIP 2.x New Attribute or Current Attribute holding {@code a}. */
    public static Structure writeWrapped(Tag tag, Attribute a) {
        return Structure.of(tag, writeV2(a));
    }

    /** Reads a KMIP 2.x Attribute Reference: the attribute's tag as Enumeration, or a vendor structure. */
    public static AttributeKey readReference(Ttlv item) {
        return switch (item) {
            case Ttlv.Enumeration e -> {
                Tag tag = Tag.isValid(e.value()) ? Tag.of(e.value()) : null;
                AttributeDef def = tag == null ? null : AttributeDef.byTag(tag).orElse(null);
                if (def == null) {
                    throw new KmipException(ResultReason.INVALID_FIELD, "Attribute Reference " + EnumFamily.TAGS.nameOf(e.value())
                            + " is not a known attribute");
                }
                yield new AttributeKey.Standard(def);
            }
            case Structure s -> {
                Fields f = Fields.of(s, "Attribute Reference");
                var key = new AttributeKey.Vendor(f.requiredText(Tag.VENDOR_IDENTIFICATION), f.requiredText(Tag.ATTRIBUTE_NAME));
                f.end();
                yield key;
            }
            default -> throw new KmipException(ResultReason.INVALID_FIELD,
                    "Attribute Reference must be Enumeration or Structure, got " + item.type().specName());
        };
    }

    /** Writes a KMIP 2.x Attribute Reference. */
    public static Ttlv writeReference(AttributeKey key) {
        return switch (key) {
            case AttributeKey.Standard s -> new Ttlv.Enumeration(Tag.ATTRIBUTE_REFERENCE, s.def().tag().value());
            case AttributeKey.Vendor v -> Builder.of(Tag.ATTRIBUTE_REFERENCE)
                    .text(Tag.VENDOR_IDENTIFICATION, v.vendorIdentification()).text(Tag.ATTRIBUTE_NAME, v.name()).build();
        };
    }
}
