package dev.krypton.it.oasis;

import dev.krypton.kmip.ItemType;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.ByteString;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.Ttlv.TextString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values a server chooses, learnt from its responses and put into later requests, as the KMIP
 * profiles' test-case conventions describe: {@code $UNIQUE_IDENTIFIER_n} (Text String) and Byte
 * String placeholders such as {@code $IV_COUNTER_NONCE}, {@code $DATA_n},
 * {@code $AUTHENTICATED_ENCRYPTION_TAG}, {@code $CORRELATION_VALUE}.
 *
 * <p>A numbered placeholder is bound by its first appearance in a response and must then keep its
 * value; an unnumbered one (an IV, a tag, a correlation value) takes the value of its latest
 * appearance, since each Encrypt produces a fresh one.
 *
 * <p>Server randomness written as a literal: where a case shows a concrete value for what the
 * server chose at random (the ciphertext under a key it generated, an IV it made under Random IV),
 * the matcher accepts any value of that length and {@link #serverChose records} it. A later
 * request that repeats the literal gets the server's value instead (the case feeds the ciphertext
 * back to Decrypt), and a placeholder no response bound ({@code $DATA_0}, {@code $IV_COUNTER_NONCE}
 * in CS-BC-M-13-14, whose response shows literals) takes the latest such value of its field.
 */
final class Placeholders {
    private static final byte[] MAGIC = "\u0000krypton-placeholder:".getBytes(StandardCharsets.UTF_8);
    private static final Pattern TEXT = Pattern.compile("\\$[A-Z][A-Z0-9_]*");
    private static final String ALIAS = "#literal:";
    private static final String LATEST = "#latest:";
    private final Map<String, Ttlv> bound = new HashMap<>();

    /** The hex form of the sentinel Byte String that stands for placeholder {@code name}. */
    static String sentinelHex(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(MAGIC, MAGIC.length + n.length);
        System.arraycopy(n, 0, all, MAGIC.length, n.length);
        return HexFormat.of().formatHex(all);
    }

    /** The placeholder name an expected value stands for, if it is one. */
    static Optional<String> nameOf(Ttlv expected) {
        return switch (expected) {
            case TextString t when TEXT.matcher(t.value()).matches() -> Optional.of(t.value().substring(1));
            case ByteString b when startsWithMagic(b.value()) -> Optional.of(
                    new String(b.value(), MAGIC.length, b.value().length - MAGIC.length, StandardCharsets.UTF_8));
            default -> Optional.empty();
        };
    }

    /**
     * Matches an actual value against placeholder {@code name}: binds it if unbound (or unnumbered),
     * otherwise requires the bound value. Returns a mismatch description, or empty when it matches.
     */
    Optional<String> match(String name, Ttlv actual) {
        if (actual.type() != typeOf(name)) {
            return Optional.of("$" + name + " expects a " + typeOf(name) + ", got " + actual.type());
        }
        Ttlv known = bound.get(name);
        if (known == null || !numbered(name)) {
            bound.put(name, actual);
            return Optional.empty();
        }
        return Values.sameValue(known, actual) ? Optional.empty()
                : Optional.of("$" + name + " was " + Values.show(known) + ", now " + Values.show(actual));
    }

    /** The server chose {@code actual} where the case shows the literal {@code expected}. */
    void serverChose(ByteString expected, ByteString actual) {
        bound.put(ALIAS + HexFormat.of().formatHex(expected.value()), actual);
        bound.put(LATEST + expected.tag().xmlName(), actual);
    }

    /** Whether {@code request} (a Byte String) repeats a literal that stood for a server's choice. */
    boolean isServerChoice(Ttlv request) {
        return request instanceof ByteString b && bound.containsKey(ALIAS + HexFormat.of().formatHex(b.value()));
    }

    /** A copy of {@code request} with every bound placeholder replaced; unbound ones are reported. */
    Ttlv substitute(Ttlv request) {
        if (request instanceof Structure s) {
            return new Structure(s.tag(), s.items().stream().map(this::substitute).toList());
        }
        Optional<String> name = nameOf(request);
        if (name.isEmpty()) {
            Ttlv chosen = request instanceof ByteString b ? bound.get(ALIAS + HexFormat.of().formatHex(b.value())) : null;
            return chosen == null ? request : new ByteString(request.tag(), ((ByteString) chosen).value());
        }
        Ttlv value = bound.get(name.get());
        if (value == null) {
            value = bound.get(LATEST + request.tag().xmlName());
        }
        if (value == null) {
            throw new UnboundPlaceholder(name.get());
        }
        return switch (value) {
            case TextString t -> new TextString(request.tag(), t.value());
            case ByteString b -> new ByteString(request.tag(), b.value());
            default -> throw new IllegalStateException("placeholder of type " + value.type());
        };
    }

    /** Bindings taken so far (for the copy-and-restore of a tentative match). */
    Map<String, Ttlv> snapshot() {
        return Map.copyOf(bound);
    }

    void restore(Map<String, Ttlv> snapshot) {
        bound.clear();
        bound.putAll(snapshot);
    }

    private static boolean numbered(String name) {
        return name.matches(".*_[0-9]+");
    }

    private static ItemType typeOf(String name) {
        return name.startsWith("UNIQUE_IDENTIFIER") ? ItemType.TEXT_STRING : ItemType.BYTE_STRING;
    }

    private static boolean startsWithMagic(byte[] value) {
        return value.length > MAGIC.length && Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** A request needs a value that no response has supplied yet. */
    static final class UnboundPlaceholder extends RuntimeException {
        UnboundPlaceholder(String name) {
            super("request uses $" + name + " before any response supplied it");
        }
    }
}
