package dev.krypton.engine;

import java.util.HexFormat;

/** Helpers for records that hold byte arrays: a length-only rendering for toString. */
final class Bytes {

    private Bytes() {
    }

    static String describe(byte[] value) {
        return "[" + value.length + " bytes]";
    }

    static String hex(byte[] value) {
        return HexFormat.of().formatHex(value);
    }
}
