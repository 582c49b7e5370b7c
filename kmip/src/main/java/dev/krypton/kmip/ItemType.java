package dev.krypton.kmip;

import java.util.Optional;

/**
 * The eleven TTLV item types (KMIP 1.4 section 9.1.1.2; KMIP 2.1 sections 10.1.2 and 11.23).
 *
 * <p>Date-Time Extended ({@code 0x0B}) exists from KMIP 2.0 on. The {@link #value()} is the code
 * byte of the TTLV header; in KMIP 2.x the same codes form the Item Type enumeration.
 */
public enum ItemType implements KmipEnum {
    /** Ordered concatenation of items. */
    STRUCTURE(0x01, "Structure", "Structure", EnumInfo.BOTH),
    /** 32-bit signed integer. */
    INTEGER(0x02, "Integer", "Integer", EnumInfo.BOTH),
    /** 64-bit signed integer. */
    LONG_INTEGER(0x03, "Long Integer", "LongInteger", EnumInfo.BOTH),
    /** Two's complement big-endian integer, length a multiple of 8. */
    BIG_INTEGER(0x04, "Big Integer", "BigInteger", EnumInfo.BOTH),
    /** 32-bit unsigned enumeration value. */
    ENUMERATION(0x05, "Enumeration", "Enumeration", EnumInfo.BOTH),
    /** Eight bytes, 0 or 1. */
    BOOLEAN(0x06, "Boolean", "Boolean", EnumInfo.BOTH),
    /** UTF-8 text. */
    TEXT_STRING(0x07, "Text String", "TextString", EnumInfo.BOTH),
    /** Opaque bytes. */
    BYTE_STRING(0x08, "Byte String", "ByteString", EnumInfo.BOTH),
    /** POSIX time in seconds, 64-bit signed. */
    DATE_TIME(0x09, "Date Time", "DateTime", EnumInfo.BOTH, "Date-Time", "DateTime"),
    /** Unsigned 32-bit number of seconds. */
    INTERVAL(0x0A, "Interval", "Interval", EnumInfo.BOTH),
    /** POSIX time in microseconds, 64-bit signed (KMIP 2.0 and later). */
    DATE_TIME_EXTENDED(0x0B, "Date Time Extended", "DateTimeExtended", EnumInfo.V2);

    private static final ItemType[] BY_CODE = values();

    private final EnumInfo info;

    ItemType(int code, String specName, String xmlName, int versions, String... former) {
        this.info = EnumInfo.of(code, specName, xmlName, versions, former);
    }

    @Override
    public EnumInfo info() {
        return info;
    }

    /** The type code byte of the TTLV header. */
    public int code() {
        return info.value();
    }

    /** The item type of a header code byte, if the code is one of the eleven. */
    public static Optional<ItemType> fromCode(int code) {
        return Optional.ofNullable(byCode(code));
    }

    /** The item type of a code, or null: for the decoder's hot path, which must not allocate. */
    static ItemType byCode(int code) {
        return code >= 1 && code <= BY_CODE.length ? BY_CODE[code - 1] : null;
    }

    /** The item type of an XML/JSON {@code type} attribute such as "TextString". */
    public static Optional<ItemType> fromXmlName(String xmlName) {
        for (ItemType t : BY_CODE) {
            if (t.xmlName().equals(xmlName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
