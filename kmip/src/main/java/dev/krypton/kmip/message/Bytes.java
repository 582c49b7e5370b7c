package dev.krypton.kmip.message;

import java.security.MessageDigest;

/**
 * An immutable byte string for message fields (key material, data, IVs, tags, batch item ids).
 *
 * <p>Equality is constant-time; {@link #toString()} reveals only the length, never the content,
 * so records holding {@code Bytes} may use the generated equals/hashCode/toString safely.
 */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code value}; later changes to the array do not affect this instance. */
    public static Bytes of(byte[] value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /** Takes ownership of {@code value} without copying; the caller must not change it afterwards. */
    public static Bytes wrap(byte[] value) {
        return new Bytes(value);
    }

    /** The empty byte string. */
    public static Bytes empty() {
        return EMPTY;
    }

    /** A fresh copy of the content. */
    public byte[] toByteArray() {
        return value.clone();
    }

    /** The content without a copy, for encoders that only read it. */
    public byte[] unsafeArray() {
        return value;
    }

    /** Number of bytes. */
    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value.length);
    }

    @Override
    public String toString() {
        return "Bytes[" + value.length + " bytes]";
    }

    /** Hex form for tests and non-secret identifiers (batch item ids); never use on secrets. */
    public String toHex() {
        var sb = new StringBuilder(value.length * 2);
        for (byte b : value) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
