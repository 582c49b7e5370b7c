package dev.krypton.kmip.text;

import dev.krypton.kmip.ItemType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;

/** Builds a non-structure item from its tag, type and value text, as both text decoders read them. */
final class Scalars {
    private static final String TRUE_HEX = "0x0000000000000001";
    private static final String FALSE_HEX = "0x0000000000000000";

    private Scalars() {
    }

    /**
     * The item of one value.
     *
     * @throws dev.krypton.kmip.KmipException Invalid Field when the text is no value of the type,
     *                                        Invalid Message when a Structure is given a value
     */
    static Ttlv read(Tag tag, ItemType type, String text, ValueNames names) {
        return switch (type) {
            case STRUCTURE -> throw Fail.message("structure " + tag.hex() + " with a scalar value");
            case INTEGER -> new Ttlv.IntegerItem(tag, names.integer(tag, text));
            case LONG_INTEGER -> new Ttlv.LongInteger(tag, ValueText.parseLong(text));
            case BIG_INTEGER -> new Ttlv.BigIntegerItem(tag, ValueText.parseBigInteger(text));
            case ENUMERATION -> new Ttlv.Enumeration(tag, names.enumeration(tag, text));
            case BOOLEAN -> new Ttlv.BooleanItem(tag, bool(text));
            case TEXT_STRING -> new Ttlv.TextString(tag, text);
            case BYTE_STRING -> new Ttlv.ByteString(tag, ValueText.parseHex(text));
            case DATE_TIME -> new Ttlv.DateTime(tag, ValueText.parseDateTime(text));
            case INTERVAL -> new Ttlv.Interval(tag, ValueText.parseUnsigned32(text));
            case DATE_TIME_EXTENDED -> new Ttlv.DateTimeExtended(tag, ValueText.parseDateTimeExtended(text));
        };
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true", TRUE_HEX -> true;
            case "false", FALSE_HEX -> false;
            default -> throw Fail.field("boolean is neither true nor false");
        };
    }

    /** The type named by a {@code type} attribute or member. */
    static ItemType type(String name) {
        return ItemType.fromXmlName(name).orElseThrow(() -> Fail.message("unknown item type"));
    }

    /** The tag named by a normalized name, a specification name or hex "0x540001". */
    static Tag tag(String name) {
        return Tag.fromXmlName(name).orElseThrow(() -> Fail.field("unknown tag name"));
    }
}
