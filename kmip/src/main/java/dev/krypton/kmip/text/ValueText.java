package dev.krypton.kmip.text;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Text forms of scalar TTLV values shared by the XML and JSON encodings (KMIP Profiles 2.1
 * section 6.4.1.5, "Value"): hex for byte strings and big integers, ISO 8601 for date-times, and
 * decimal or {@code 0x}-prefixed hex for numbers. Every parser accepts ASCII only and fails with
 * Invalid Field, never with another exception.
 */
final class ValueText {
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years ISO 8601 writes with four digits. */
    private static final long FIRST_ISO_SECOND = -62_167_219_200L;
    private static final long LAST_ISO_SECOND = 253_402_300_799L;

    private ValueText() {
    }

    /** Lower-case hex without prefix, as Byte String values are written. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Bytes of an even-length hex string; an empty string is an empty Byte String. */
    static byte[] parseHex(String text) {
        if (text.length() % 2 != 0 || !allHex(text, 0)) {
            throw Fail.field("byte string is not hex");
        }
        return HEX.parseHex(text);
    }

    /** Two's complement, sign-extended to a multiple of eight bytes, as TTLV encodes it. */
    static String bigInteger(BigInteger value) {
        byte[] minimal = value.toByteArray();
        int length = (minimal.length + 7) / 8 * 8;
        byte[] padded = new byte[length];
        byte sign = (byte) (value.signum() < 0 ? 0xFF : 0x00);
        Arrays.fill(padded, 0, length - minimal.length, sign);
        System.arraycopy(minimal, 0, padded, length - minimal.length, minimal.length);
        return HEX.formatHex(padded);
    }

    /** A two's complement hex Big Integer, with or without {@code 0x}. */
    static BigInteger parseBigInteger(String text) {
        String digits = hasHexPrefix(text) ? text.substring(2) : text;
        if (digits.isEmpty()) {
            throw Fail.field("empty big integer");
        }
        return new BigInteger(parseHex(digits));
    }

    /** A Date-Time as ISO 8601 in UTC ("2001-01-01T10:00:00+00:00"), or hex outside years 0-9999. */
    static String dateTime(long epochSeconds) {
        if (epochSeconds < FIRST_ISO_SECOND || epochSeconds > LAST_ISO_SECOND) {
            return "0x" + HEX.toHexDigits(epochSeconds);
        }
        return SECONDS.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** The POSIX seconds of an ISO 8601 date-time with offset, or of a hex form. */
    static long parseDateTime(String text) {
        if (hasHexPrefix(text)) {
            return parseHexLong(text);
        }
        Instant instant = parseIso(text);
        if (instant.getNano() != 0) {
            throw Fail.field("date-time has fractional seconds");
        }
        return instant.getEpochSecond();
    }

    /** A Date-Time Extended as ISO 8601 with six fraction digits, or hex outside years 0-9999. */
    static String dateTimeExtended(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        if (seconds < FIRST_ISO_SECOND || seconds > LAST_ISO_SECOND) {
            return "0x" + HEX.toHexDigits(epochMicros);
        }
        long micros = Math.floorMod(epochMicros, 1_000_000L);
        return MICROS.format(Instant.ofEpochSecond(seconds, micros * 1000));
    }

    /** The POSIX microseconds of an ISO 8601 date-time with offset, or of a hex form. */
    static long parseDateTimeExtended(String text) {
        if (hasHexPrefix(text)) {
            return parseHexLong(text);
        }
        Instant instant = parseIso(text);
        if (instant.getNano() % 1000 != 0) {
            throw Fail.field("date-time extended finer than microseconds");
        }
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (ArithmeticException overflow) {
            throw Fail.field("date-time extended out of range");
        }
    }

    /** A 32-bit Integer: signed decimal, or hex of at most eight digits. */
    static int parseInt(String text) {
        if (hasHexPrefix(text)) {
            return (int) parseHex(text, 8);
        }
        return (int) parseDecimal(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A 64-bit Long Integer: signed decimal, or hex of at most sixteen digits. */
    static long parseLong(String text) {
        return hasHexPrefix(text) ? parseHexLong(text) : parseDecimal(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An unsigned 32-bit value (Interval, Enumeration): decimal, or hex of at most eight digits. */
    static long parseUnsigned32(String text) {
        return hasHexPrefix(text) ? parseHex(text, 8) : parseDecimal(text, 0, 0xFFFF_FFFFL);
    }

    /** Whether the text starts with {@code 0x} or {@code 0X}. */
    static boolean hasHexPrefix(String text) {
        return text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
    }

    /** Whether the text is a signed ASCII decimal number. */
    static boolean isDecimal(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 20) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseHexLong(String text) {
        return parseHex(text, 16);
    }

    private static long parseHex(String text, int maxDigits) {
        int digits = text.length() - 2;
        if (!hasHexPrefix(text) || digits > maxDigits || !allHex(text, 2)) {
            throw Fail.field("not a hex number of at most " + maxDigits + " digits");
        }
        return HexFormat.fromHexDigitsToLong(text, 2, text.length());
    }

    private static long parseDecimal(String text, long min, long max) {
        if (!isDecimal(text)) {
            throw Fail.field("not a decimal number");
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw Fail.field("number out of range");
            }
            return value;
        } catch (NumberFormatException tooLong) {
            throw Fail.field("number out of range");
        }
    }

    private static Instant parseIso(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | ArithmeticException notIso) {
            throw Fail.field("date-time is neither ISO 8601 with offset nor hex");
        }
    }

    private static boolean allHex(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
