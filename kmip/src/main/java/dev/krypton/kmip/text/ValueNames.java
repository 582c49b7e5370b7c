package dev.krypton.kmip.text;

import dev.krypton.kmip.EnumFamily;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Names of Enumeration values and Integer bit masks inside one structure (KMIP Profiles 2.1
 * section 6.4.1.5): a value is named by the family of its tag, except an Attribute Value, whose
 * family is that of the attribute its sibling Attribute Name names (KMIP 1.x attributes, such as
 * "Cryptographic Algorithm" with value "AES"). Encoders and decoders feed the children of a
 * structure in order to {@link #saw(Ttlv)}, so both sides name the same value the same way.
 * Values no family names are written as hex ("0x80123456").
 */
final class ValueNames {
    private Tag attribute = Tag.ATTRIBUTE_VALUE;

    /** Remembers the attribute a sibling Attribute Name names, for the Attribute Value after it. */
    void saw(Ttlv item) {
        if (item instanceof Ttlv.TextString(Tag tag, String name) && tag.equals(Tag.ATTRIBUTE_NAME)) {
            attribute = Tag.fromXmlName(name).orElse(Tag.ATTRIBUTE_VALUE);
        }
    }

    /** The text of an Enumeration value: its name, or hex when its family does not define it. */
    String enumeration(Tag tag, int value) {
        return enumerationFamily(tag).map(f -> f.nameOf(value)).orElseGet(() -> hex(value));
    }

    /** The value of an Enumeration name, hex or decimal text. */
    int enumeration(Tag tag, String text) {
        if (ValueText.hasHexPrefix(text) || ValueText.isDecimal(text)) {
            return (int) ValueText.parseUnsigned32(text);
        }
        return enumerationFamily(tag).orElseThrow(() -> Fail.field("enumeration name for a tag without names"))
                .valueOf(text);
    }

    /** The text of an Integer: flag names separated by {@code separator} for masks, else decimal. */
    String integer(Tag tag, int value, String separator) {
        return maskFamily(tag).map(f -> f.formatMask(value).replace(" ", separator))
                .orElseGet(() -> Integer.toString(value));
    }

    /** The value of Integer text: decimal, hex, or flag names separated by spaces or {@code |}. */
    int integer(Tag tag, String text) {
        if (ValueText.hasHexPrefix(text) || ValueText.isDecimal(text)) {
            return ValueText.parseInt(text);
        }
        return maskFamily(tag).orElseThrow(() -> Fail.field("mask names for a tag that is no mask"))
                .parseMask(text);
    }

    /** Whether an Integer with this tag is a bit mask here. */
    boolean hasMask(Tag tag) {
        return maskFamily(tag).isPresent();
    }

    private Optional<EnumFamily<?>> enumerationFamily(Tag tag) {
        return EnumFamily.enumerationOf(tag.equals(Tag.ATTRIBUTE_VALUE) ? attribute : tag);
    }

    private Optional<EnumFamily<?>> maskFamily(Tag tag) {
        return EnumFamily.maskOf(tag.equals(Tag.ATTRIBUTE_VALUE) ? attribute : tag);
    }

    private static String hex(int value) {
        return "0x" + HexFormat.of().withUpperCase().toHexDigits(value);
    }
}
