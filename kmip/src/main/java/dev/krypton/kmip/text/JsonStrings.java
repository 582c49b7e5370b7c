package dev.krypton.kmip.text;

import java.util.HexFormat;

/**
 * JSON string literals (RFC 8259 section 7), written the one way Krypton writes them: quotes,
 * backslash and control characters escaped, everything else as is. Used by the TTLV-JSON encoder
 * and by the JSON log format.
 */
public final class JsonStrings {

    /** What to do with an unpaired surrogate, which has no UTF-8 form. */
    public enum Unpaired {
        /** Write it as a {@code \\uXXXX} escape (valid JSON; for logs, which must not fail). */
        ESCAPE,
        /** Refuse the text with an {@link IllegalArgumentException} (for protocol messages). */
        REFUSE
    }

    private static final HexFormat HEX = HexFormat.of();

    private JsonStrings() {
    }

    /** Appends {@code text} as a quoted JSON string to {@code out} and returns {@code out}. */
    public static StringBuilder quote(StringBuilder out, String text, Unpaired unpaired) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        if (c >= 0x20 && unpaired == Unpaired.REFUSE) {
                            throw new IllegalArgumentException("text has an unpaired surrogate");
                        }
                        out.append("\\u").append(HEX.toHexDigits(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
