package dev.krypton.storage;

import java.util.Arrays;
import java.util.Objects;

/** Helpers shared by the records: defensive copies and a redacted rendering of byte strings. */
final class Bytes {

    private Bytes() {
    }

    static byte[] copy(byte[] value, String name) {
        return Objects.requireNonNull(value, name).clone();
    }

    /** Renders only the length, never the contents. */
    static String redacted(byte[] value) {
        return "<" + value.length + " bytes>";
    }

    static boolean equal(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    static int hash(byte[] value) {
        return Arrays.hashCode(value);
    }
}
