package dev.krypton.kmip;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One TTLV item: a tag, one of the eleven {@link ItemType}s and a value (KMIP 1.4 section 9.1.1,
 * KMIP 2.1 section 10.1). Items are immutable; a {@link Structure} holds its children in order.
 *
 * <p>The records here are the whole model: binary, XML and JSON codecs all read and write them.
 */
public sealed interface Ttlv {

    /** The item's tag. */
    Tag tag();

    /** The item's type. */
    ItemType type();

    /**
     * A Structure: the ordered items it contains.
     *
     * @param tag   the tag
     * @param items the children, in wire order (copied)
     */
    record Structure(Tag tag, List<Ttlv> items) implements Ttlv {
        /** Copies the children; none may be null. */
        public Structure {
            Objects.requireNonNull(tag, "tag");
            items = List.copyOf(items);
        }

        /** A structure of the given children. */
        public static Structure of(Tag tag, Ttlv... items) {
            return new Structure(tag, List.of(items));
        }

        @Override
        public ItemType type() {
            return ItemType.STRUCTURE;
        }

        /** The first direct child with this tag. */
        public Optional<Ttlv> find(Tag child) {
            for (Ttlv item : items) {
                if (item.tag().equals(child)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }

        /** All direct children with this tag, in order. */
        public List<Ttlv> findAll(Tag child) {
            return items.stream().filter(item -> item.tag().equals(child)).toList();
        }
    }

    /**
     * An Integer: 32-bit signed, also used for bit masks.
     *
     * @param tag the tag
     * @param value the signed value
     */
    record IntegerItem(Tag tag, int value) implements Ttlv {
        /** Requires a tag. */
        public IntegerItem {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public ItemType type() {
            return ItemType.INTEGER;
        }
    }

    /**
     * A Long Integer: 64-bit signed.
     *
     * @param tag the tag
     * @param value the signed value
     */
    record LongInteger(Tag tag, long value) implements Ttlv {
        /** Requires a tag. */
        public LongInteger {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public ItemType type() {
            return ItemType.LONG_INTEGER;
        }
    }

    /**
     * A Big Integer of any size; encoded in two's complement, sign-extended to a multiple of 8 bytes.
     *
     * @param tag the tag
     * @param value the value
     */
    record BigIntegerItem(Tag tag, java.math.BigInteger value) implements Ttlv {
        /** Requires a tag and a value. */
        public BigIntegerItem {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ItemType type() {
            return ItemType.BIG_INTEGER;
        }

        /** Prints the bit length only: big integers are often private key parts. */
        @Override
        public String toString() {
            return "BigIntegerItem[tag=" + tag + ", bitLength=" + value.bitLength() + "]";
        }
    }

    /**
     * An Enumeration: a 32-bit unsigned value held as its bit pattern in an int, so vendor
     * values 0x8xxxxxxx stay exact. Name it with {@link EnumFamily#enumerationOf(Tag)}.
     *
     * @param tag the tag
     * @param value the unsigned value as an int bit pattern
     */
    record Enumeration(Tag tag, int value) implements Ttlv {
        /** Requires a tag. */
        public Enumeration {
            Objects.requireNonNull(tag, "tag");
        }

        /** An enumeration holding a named value. */
        public static Enumeration of(Tag tag, KmipEnum value) {
            return new Enumeration(tag, value.value());
        }

        @Override
        public ItemType type() {
            return ItemType.ENUMERATION;
        }
    }

    /**
     * A Boolean.
     *
     * @param tag the tag
     * @param value the value
     */
    record BooleanItem(Tag tag, boolean value) implements Ttlv {
        /** Requires a tag. */
        public BooleanItem {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public ItemType type() {
            return ItemType.BOOLEAN;
        }
    }

    /**
     * A Text String: UTF-8 on the wire; it may hold a password, so toString prints its length only.
     *
     * @param tag the tag
     * @param value the text
     */
    record TextString(Tag tag, String value) implements Ttlv {
        /** Requires a tag and a value. */
        public TextString {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ItemType type() {
            return ItemType.TEXT_STRING;
        }

        @Override
        public String toString() {
            return "TextString[tag=" + tag + ", length=" + value.length() + "]";
        }
    }

    /**
     * A Byte String. The bytes are copied in and out; equality is constant-time and toString
     * prints the length only, since byte strings carry key material.
     *
     * @param tag the tag
     * @param value the bytes (copied)
     */
    record ByteString(Tag tag, byte[] value) implements Ttlv {
        /** Copies the bytes. */
        public ByteString {
            Objects.requireNonNull(tag, "tag");
            value = value.clone();
        }

        @Override
        public ItemType type() {
            return ItemType.BYTE_STRING;
        }

        /** A copy of the bytes. */
        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The number of bytes. */
        public int length() {
            return value.length;
        }

        /** Copies the bytes into {@code target} at {@code offset}, without an intermediate copy. */
        public void copyTo(byte[] target, int offset) {
            System.arraycopy(value, 0, target, offset, value.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteString b && tag.equals(b.tag) && MessageDigest.isEqual(value, b.value);
        }

        @Override
        public int hashCode() {
            return 31 * tag.hashCode() + value.length;
        }

        @Override
        public String toString() {
            return "ByteString[tag=" + tag + ", length=" + value.length + "]";
        }
    }

    /**
     * A Date-Time: POSIX time in seconds.
     *
     * @param tag the tag
     * @param epochSeconds seconds since 1970-01-01T00:00:00Z
     */
    record DateTime(Tag tag, long epochSeconds) implements Ttlv {
        /** Requires a tag. */
        public DateTime {
            Objects.requireNonNull(tag, "tag");
        }

        /** A date-time of an instant, truncated to the second. */
        public static DateTime of(Tag tag, Instant instant) {
            return new DateTime(tag, instant.getEpochSecond());
        }

        /** The value as an instant. */
        public Instant instant() {
            return Instant.ofEpochSecond(epochSeconds);
        }

        @Override
        public ItemType type() {
            return ItemType.DATE_TIME;
        }
    }

    /**
     * An Interval: unsigned 32-bit number of seconds, 0 to 4294967295.
     *
     * @param tag the tag
     * @param seconds the number of seconds, 0 to 2^32-1
     */
    record Interval(Tag tag, long seconds) implements Ttlv {
        /** Requires a tag and a value in the unsigned 32-bit range. */
        public Interval {
            Objects.requireNonNull(tag, "tag");
            if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
                throw new KmipException(ResultReason.INVALID_FIELD, "interval outside unsigned 32-bit range");
            }
        }

        @Override
        public ItemType type() {
            return ItemType.INTERVAL;
        }
    }

    /**
     * A Date-Time Extended (KMIP 2.0 and later): POSIX time in microseconds.
     *
     * @param tag the tag
     * @param epochMicros microseconds since 1970-01-01T00:00:00Z
     */
    record DateTimeExtended(Tag tag, long epochMicros) implements Ttlv {
        /** Requires a tag. */
        public DateTimeExtended {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public ItemType type() {
            return ItemType.DATE_TIME_EXTENDED;
        }
    }
}
