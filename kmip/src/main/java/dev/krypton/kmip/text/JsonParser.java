package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser for hostile input: one value, no comments, no trailing commas,
 * no duplicate member names, no unpaired surrogates. Nesting and the number of values are
 * bounded from the {@link DecodeLimits} (a TTLV item takes two JSON levels and at most four JSON
 * values), so recursion depth and memory stay proportional to what the limits allow.
 */
final class JsonParser {
    private final String text;
    private final int maxDepth;
    private final long maxValues;
    private int pos;
    private int depth;
    private long values;

    private JsonParser(String text, DecodeLimits limits) {
        this.text = text;
        this.maxDepth = 2 * limits.maxDepth();
        this.maxValues = 4L * limits.maxItems();
    }

    /** The one JSON value of the text. */
    static Json parse(String text, DecodeLimits limits) {
        JsonParser parser = new JsonParser(text, limits);
        Json value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw Fail.message("trailing content after the JSON value at " + parser.pos);
        }
        return value;
    }

    private Json value() {
        if (++values > maxValues) {
            throw Fail.message("more than " + maxValues + " JSON values");
        }
        skipSpace();
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new Json.Str(string());
            case 't' -> literal("true", new Json.Bool(true));
            case 'f' -> literal("false", new Json.Bool(false));
            case 'n' -> literal("null", new Json.Null());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw unexpected();
            }
        };
    }

    private Json object() {
        enter();
        pos++;
        Map<String, Json> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new Json.Obj(members);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw unexpected();
            }
            String name = string();
            skipSpace();
            expect(':');
            if (members.put(name, value()) != null) {
                throw Fail.message("duplicate JSON member name at " + pos);
            }
            skipSpace();
            if (peek() == '}') {
                pos++;
                depth--;
                return new Json.Obj(members);
            }
            expect(',');
        }
    }

    private Json array() {
        enter();
        pos++;
        List<Json> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new Json.Arr(items);
        }
        while (true) {
            items.add(value());
            skipSpace();
            if (peek() == ']') {
                pos++;
                depth--;
                return new Json.Arr(items);
            }
            expect(',');
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw Fail.message("control character in JSON string at " + (pos - 1));
            }
            if (c == '\\') {
                c = escape();
            }
            if (Character.isHighSurrogate(c)) {
                out.append(c).append(lowSurrogate());
            } else if (Character.isLowSurrogate(c)) {
                throw Fail.message("unpaired surrogate in JSON string at " + (pos - 1));
            } else {
                out.append(c);
            }
        }
    }

    private char lowSurrogate() {
        char c = next();
        if (c == '\\') {
            c = escape();
        }
        if (!Character.isLowSurrogate(c)) {
            throw Fail.message("unpaired surrogate in JSON string at " + (pos - 1));
        }
        return c;
    }

    private char escape() {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length() || !isHex(text, pos, pos + 4)) {
                    throw Fail.message("bad \\u escape at " + pos);
                }
                pos += 4;
                yield (char) HexFormat.fromHexDigits(text, pos - 4, pos);
            }
            default -> throw Fail.message("bad escape at " + (pos - 1));
        };
    }

    private Json number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        return new Json.Num(text.substring(start, pos));
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw unexpected();
        }
    }

    private Json literal(String word, Json value) {
        if (!text.startsWith(word, pos)) {
            throw unexpected();
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw Fail.message("JSON nested deeper than " + maxDepth);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw Fail.message("JSON ends early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private RuntimeException unexpected() {
        return Fail.message("unexpected JSON character at " + pos);
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
