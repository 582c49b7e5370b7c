package dev.krypton.kmip;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TTLV item tag: a 24-bit value such as {@code 0x420078} (Request Message) with its names.
 *
 * <p>Tags defined by the specifications start with byte {@code 0x42} (KMIP 1.4 section 9.1.3.1,
 * KMIP 2.1 section 11.56) and are constants of this class, for example {@link #REQUEST_MESSAGE}.
 * Extension tags start with {@code 0x54}; they and any {@code 0x42} tag not in the tables are
 * kept by {@link #of(int)} as unknown tags whose value survives every round trip. Two tags are
 * equal when their values are.
 */
public final class Tag implements KmipEnum, KnownTags1, KnownTags2, KnownTags3 {
    private static final int FIRST_DEFINED = 0x420001;
    private static final int LAST_DEFINED = 0x42FFFF;
    private static final int FIRST_EXTENSION = 0x540000;
    private static final int LAST_EXTENSION = 0x54FFFF;

    private final EnumInfo info;

    private Tag(EnumInfo info) {
        this.info = info;
    }

    static Tag known(int value, String specName, String xmlName, int versions, String... former) {
        return new Tag(EnumInfo.of(value, specName, xmlName, versions, former));
    }

    /**
     * The tag of a value: the known constant, or an unknown tag that keeps the value.
     *
     * @throws KmipException with reason Invalid Field when the first byte is neither 0x42 nor
     *                       0x54 (KMIP 1.4 section 9.1.1.1) or the value is 0x420000
     */
    public static Tag of(int value) {
        int index = value - FIRST_DEFINED + 1;
        if (index >= 0 && index < Registry.DEFINED.length && Registry.DEFINED[index] != null) {
            return Registry.DEFINED[index];
        }
        if (!isValid(value)) {
            throw new KmipException(ResultReason.INVALID_FIELD, "tag " + hex(value) + " outside 0x42xxxx/0x54xxxx");
        }
        String hex = hex(value);
        return new Tag(new EnumInfo(value, hex, hex, Set.of(), List.of(), List.of()));
    }

    /** Whether a value lies in the defined (0x420001-0x42FFFF) or extension (0x54xxxx) tag ranges. */
    public static boolean isValid(int value) {
        return value >= FIRST_DEFINED && value <= LAST_DEFINED
                || value >= FIRST_EXTENSION && value <= LAST_EXTENSION;
    }

    /**
     * The tag of an XML/JSON name: a normalized name ("RequestMessage", also a former KMIP 1.4
     * name), a specification name ("Request Message") or the hex form ("0x420078").
     */
    public static Optional<Tag> fromXmlName(String name) {
        Tag known = Registry.BY_NAME.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (name.length() == 8 && (name.startsWith("0x") || name.startsWith("0X"))
                && HexFormat.isHexDigit(name.charAt(2))) {
            try {
                int value = HexFormat.fromHexDigits(name, 2, 8);
                return isValid(value) ? Optional.of(of(value)) : Optional.empty();
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every tag the specifications define, in value order. */
    public static List<Tag> knownTags() {
        return Registry.ALL;
    }

    @Override
    public EnumInfo info() {
        return info;
    }

    /** Whether the specifications define this tag. */
    public boolean isKnown() {
        return info.known();
    }

    /** Whether this is an extension tag (first byte 0x54). */
    public boolean isExtension() {
        return value() >= FIRST_EXTENSION;
    }

    /** The hex form "0x420078" used by the XML/JSON encodings for tags they cannot name. */
    public String hex() {
        return hex(value());
    }

    private static String hex(int value) {
        return "0x" + HexFormat.of().withUpperCase().toHexDigits(value).substring(2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tag tag && tag.value() == value();
    }

    @Override
    public int hashCode() {
        return value();
    }

    @Override
    public String toString() {
        return isKnown() ? xmlName() + "(" + hex() + ")" : hex();
    }

    private static final class Registry {
        static final List<Tag> ALL = KnownTagList.knownTags();
        static final Tag[] DEFINED = new Tag[0x10000];
        static final Map<String, Tag> BY_NAME = new HashMap<>();

        static {
            for (Tag tag : ALL) {
                DEFINED[tag.value() - FIRST_DEFINED + 1] = tag;
                BY_NAME.put(tag.xmlName(), tag);
                BY_NAME.put(tag.specName(), tag);
                tag.info.formerXmlNames().forEach(n -> BY_NAME.putIfAbsent(n, tag));
                tag.info.formerSpecNames().forEach(n -> BY_NAME.putIfAbsent(n, tag));
            }
        }

        private Registry() {
        }
    }
}
