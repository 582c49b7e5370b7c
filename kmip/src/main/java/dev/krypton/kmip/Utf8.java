package dev.krypton.kmip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 without intermediate arrays: length, encode into a buffer, strict decode. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The UTF-8 length of a string.
     *
     * @throws KmipException Invalid Field when it holds an unpaired surrogate (no UTF-8 form)
     */
    static int length(String s) {
        int n = s.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        throw new KmipException(ResultReason.INVALID_FIELD, "text string with an unpaired surrogate");
                    }
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new KmipException(ResultReason.INVALID_FIELD, "text string too long to encode");
        }
        return (int) bytes;
    }

    /** Writes the UTF-8 form of a string already checked by {@link #length(String)}; returns the end. */
    static int encode(String s, byte[] out, int pos) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | c >> 6);
                out[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[pos++] = (byte) (0xF0 | cp >> 18);
                out[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[pos++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[pos++] = (byte) (0xE0 | c >> 12);
                out[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[pos++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return pos;
    }

    /**
     * Decodes strictly: malformed sequences, overlongs and encoded surrogates are refused.
     *
     * @throws KmipException Invalid Message on invalid UTF-8
     */
    static String decode(byte[] in, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (in[i] < 0) {
                return decodeNonAscii(in, off, len);
            }
        }
        return new String(in, off, len, StandardCharsets.ISO_8859_1);
    }

    private static String decodeNonAscii(byte[] in, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "text string is not valid UTF-8");
        }
    }
}
