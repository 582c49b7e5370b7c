package dev.krypton.kmip.attribute;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.NameType;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * One attribute instance: which attribute, its value and (KMIP 1.x only) its Attribute Index.
 *
 * <p>The value is kept as a TTLV item in its KMIP 2.x form: tagged with the attribute's own tag
 * for standard attributes (Cryptographic Algorithm value tagged Cryptographic Algorithm) and with
 * Attribute Value for vendor attributes. The constructor retags any input and rejects a value of
 * the wrong item type with Invalid Field.
 */
public record Attribute(AttributeKey key, Ttlv value, OptionalInt index) {

    public Attribute {
        switch (key) {
            case AttributeKey.Standard s -> {
                if (value.type() != s.def().type()) {
                    throw new KmipException(ResultReason.INVALID_FIELD, "attribute " + s.def().specName() + " must be "
                            + s.def().type().specName() + ", got " + value.type().specName());
                }
                value = Retag.to(s.def().tag(), value);
            }
            case AttributeKey.Vendor v -> value = Retag.to(Tag.ATTRIBUTE_VALUE, value);
        }
        if (index.isPresent() && index.getAsInt() < 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, "negative Attribute Index");
        }
    }

    /** A standard attribute without index. */
    public static Attribute of(AttributeDef def, Ttlv value) {
        return new Attribute(new AttributeKey.Standard(def), value, OptionalInt.empty());
    }

    /** A custom/vendor attribute, for example {@code custom("x", "ID", text)}. */
    public static Attribute custom(String vendor, String name, Ttlv value) {
        return new Attribute(new AttributeKey.Vendor(vendor, name), value, OptionalInt.empty());
    }

    public static Attribute cryptographicAlgorithm(CryptographicAlgorithm a) {
        return of(AttributeDef.CRYPTOGRAPHIC_ALGORITHM, Ttlv.Enumeration.of(Tag.CRYPTOGRAPHIC_ALGORITHM, a));
    }

    public static Attribute cryptographicLength(int bits) {
        return of(AttributeDef.CRYPTOGRAPHIC_LENGTH, new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_LENGTH, bits));
    }

    /** Cryptographic Usage Mask: an OR of {@link dev.krypton.kmip.CryptographicUsageMask} values. */
    public static Attribute cryptographicUsageMask(int mask) {
        return of(AttributeDef.CRYPTOGRAPHIC_USAGE_MASK, new Ttlv.IntegerItem(Tag.CRYPTOGRAPHIC_USAGE_MASK, mask));
    }

    public static Attribute cryptographicParameters(CryptographicParameters p) {
        return of(AttributeDef.CRYPTOGRAPHIC_PARAMETERS, p.toTtlv());
    }

    /** A Name attribute of type Uninterpreted Text String. */
    public static Attribute name(String name) {
        return of(AttributeDef.NAME, Ttlv.Structure.of(Tag.NAME, new Ttlv.TextString(Tag.NAME_VALUE, name),
                Ttlv.Enumeration.of(Tag.NAME_TYPE, NameType.UNINTERPRETED_TEXT_STRING)));
    }

    public static Attribute objectType(ObjectType t) {
        return of(AttributeDef.OBJECT_TYPE, Ttlv.Enumeration.of(Tag.OBJECT_TYPE, t));
    }

    public static Attribute state(State s) {
        return of(AttributeDef.STATE, Ttlv.Enumeration.of(Tag.STATE, s));
    }

    public static Attribute uniqueIdentifier(String id) {
        return of(AttributeDef.UNIQUE_IDENTIFIER, new Ttlv.TextString(Tag.UNIQUE_IDENTIFIER, id));
    }

    public static Attribute objectGroup(String group) {
        return of(AttributeDef.OBJECT_GROUP, new Ttlv.TextString(Tag.OBJECT_GROUP, group));
    }

    /** A date attribute (Activation Date, Deactivation Date, Initial Date...). */
    public static Attribute date(AttributeDef def, Instant when) {
        return of(def, Ttlv.DateTime.of(def.tag(), when));
    }

    /** A boolean attribute (Sensitive, Extractable...). */
    public static Attribute flag(AttributeDef def, boolean value) {
        return of(def, new Ttlv.BooleanItem(def.tag(), value));
    }

    /** This attribute with a KMIP 1.x Attribute Index. */
    public Attribute withIndex(int i) {
        return new Attribute(key, value, OptionalInt.of(i));
    }
}
