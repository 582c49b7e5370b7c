package dev.krypton.kmip;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All values of one enumeration or bit-mask family, with lookups by value and by name.
 *
 * <p>Codecs find the family of an item with {@link #enumerationOf(Tag)} or {@link #maskOf(Tag)},
 * then turn its int into a name with {@link #nameOf(int)} or {@link #formatMask(int)} and back with
 * {@link #valueOf(String)} or {@link #parseMask(String)}. Values no table defines (vendor values
 * 0x8xxxxxxx, mask extension bits, values of a newer specification) are written as hex
 * ("0x80123456") and read back unchanged.
 *
 * @param <E> the type of the named values
 */
public final class EnumFamily<E extends KmipEnum> {

    /** Whether a family's values are alternatives or bit flags. */
    public enum Kind {
        /** One value at a time (Enumeration items). */
        ENUMERATION,
        /** Any OR of flags (Integer items such as Cryptographic Usage Mask). */
        MASK
    }

    /** The item type codes as the KMIP 2.x Item Type enumeration (section 11.23). */
    public static final EnumFamily<ItemType> ITEM_TYPES =
            of("Item Type", Kind.ENUMERATION, ItemType.values());

    /** The tags as the KMIP 2.x Tag enumeration (section 11.56), used by Attribute Reference. */
    public static final EnumFamily<Tag> TAGS =
            new EnumFamily<>("Tag", Kind.ENUMERATION, Tag.knownTags());

    private final String specName;
    private final Kind kind;
    private final List<E> values;
    private final Map<Integer, E> byValue = new HashMap<>();
    private final Map<String, E> byName = new HashMap<>();

    private EnumFamily(String specName, Kind kind, List<E> values) {
        this.specName = specName;
        this.kind = kind;
        this.values = List.copyOf(values);
        for (E e : this.values) {
            byValue.putIfAbsent(e.value(), e);
            byName.putIfAbsent(e.xmlName(), e);
            byName.putIfAbsent(e.specName(), e);
            e.info().formerXmlNames().forEach(n -> byName.putIfAbsent(n, e));
            e.info().formerSpecNames().forEach(n -> byName.putIfAbsent(n, e));
        }
    }

    static <E extends KmipEnum> EnumFamily<E> of(String specName, Kind kind, E[] values) {
        return new EnumFamily<>(specName, kind, List.of(values));
    }

    /** The enumeration family of an Enumeration item with this tag, if the tables know one. */
    public static Optional<EnumFamily<?>> enumerationOf(Tag tag) {
        return Optional.ofNullable(TableIndex.ENUMERATIONS.get(tag.value()));
    }

    /** The bit-mask family of an Integer item with this tag, if it is a mask. */
    public static Optional<EnumFamily<?>> maskOf(Tag tag) {
        return Optional.ofNullable(TableIndex.MASKS.get(tag.value()));
    }

    /** Every generated family plus {@link #ITEM_TYPES} ({@link #TAGS} is not listed). */
    public static List<EnumFamily<?>> all() {
        return TableIndex.FAMILIES;
    }

    /** The family name as the specification writes it, for example "Cryptographic Algorithm". */
    public String specName() {
        return specName;
    }

    /** Whether this is an enumeration or a bit mask. */
    public Kind kind() {
        return kind;
    }

    /** The defined values, in value order. */
    public List<E> values() {
        return values;
    }

    /** The defined value with this number. */
    public Optional<E> byValue(int value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** The defined value with this XML name, specification name or former (KMIP 1.4) name. */
    public Optional<E> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The XML name of a value, or its hex form "0x80123456" when no table defines it. */
    public String nameOf(int value) {
        E e = byValue.get(value);
        return e != null ? e.xmlName() : hex(value);
    }

    /**
     * The value of a name or of a hex form "0x0000000A".
     *
     * @throws KmipException with reason Invalid Field when the name is neither
     */
    public int valueOf(String name) {
        E e = byName.get(name);
        if (e != null) {
            return e.value();
        }
        return parseHex(name);
    }

    /** The flags of a mask as space-separated XML names, undefined bits as one hex word. */
    public String formatMask(int mask) {
        StringBuilder out = new StringBuilder();
        int rest = mask;
        for (E flag : values) {
            int bit = flag.value();
            if (bit != 0 && (mask & bit) == bit) {
                out.append(out.isEmpty() ? "" : " ").append(flag.xmlName());
                rest &= ~bit;
            }
        }
        if (rest != 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(hex(rest));
        }
        return out.toString();
    }

    /**
     * The mask of space-separated flag names and hex words, in any order ("Decrypt Encrypt").
     *
     * @throws KmipException with reason Invalid Field on a word that is neither
     */
    public int parseMask(String text) {
        int mask = 0;
        for (String word : text.trim().split("[\\s|]+")) {
            if (!word.isEmpty()) {
                mask |= valueOf(word);
            }
        }
        return mask;
    }

    private int parseHex(String text) {
        if (text.length() > 2 && text.length() <= 10 && (text.startsWith("0x") || text.startsWith("0X"))) {
            try {
                return (int) HexFormat.fromHexDigitsToLong(text, 2, text.length());
            } catch (IllegalArgumentException notHex) {
                throw unknownName();
            }
        }
        throw unknownName();
    }

    private KmipException unknownName() {
        return new KmipException(ResultReason.INVALID_FIELD, "unknown " + specName + " name");
    }

    private static String hex(int value) {
        return "0x" + HexFormat.of().withUpperCase().toHexDigits(value);
    }

    @Override
    public String toString() {
        return "EnumFamily[" + specName + ", " + values.size() + " values]";
    }
}
