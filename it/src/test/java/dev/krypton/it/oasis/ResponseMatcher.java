package dev.krypton.it.oasis;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.ByteString;
import dev.krypton.kmip.Ttlv.DateTime;
import dev.krypton.kmip.Ttlv.Structure;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a server's response with the response a test case expects, field by field.
 *
 * <p>Every field the case specifies must be present with the same tag, type and value, in any
 * order among siblings of the same tag; a server may add fields the case does not show, except
 * where the count is the point (the Unique Identifiers a Locate returns, the batch items): there
 * the count must be equal, zero included, so an expected empty Locate fails on any identifier.
 * Exceptions, each one a value the profiles leave to the server: placeholders (bound through
 * {@link Placeholders}), Date-Times (within {@link #DATE_TOLERANCE_SECONDS} of the value the case
 * gives relative to {@code $NOW}), Result Message text (informative, KMIP 1.4 section 6.11) and the
 * Server Correlation Value (chosen by the reference server), and random output the server
 * generated (key material of a key the case did not supply, RNG Retrieve data, and the ciphertext
 * and Digest Value of a key the server generated in this run, an IV the server made under Random IV
 * and what was encrypted with it), which must have the expected type and length; such a ciphertext
 * is still checked by the Decrypt that follows it (see {@link Placeholders#serverChose}), and the
 * Random Number Generator attribute's parameters (the server's own generator: only its presence
 * and RNG Algorithm field are checked).
 */
final class ResponseMatcher {
    static final long DATE_TOLERANCE_SECONDS = 120;
    private static final Set<Tag> IGNORED = Set.of(Tag.RESULT_MESSAGE, Tag.SERVER_CORRELATION_VALUE);
    private static final Set<Tag> EXACT_COUNT = Set.of(Tag.UNIQUE_IDENTIFIER, Tag.BATCH_ITEM);
    private final Placeholders placeholders;
    private final Set<String> suppliedBytes;
    private Set<Tag> randomTags = Set.of();

    /** {@code suppliedBytes}: hex of every Byte String the case's requests carry (client-chosen values). */
    ResponseMatcher(Placeholders placeholders, Set<String> suppliedBytes) {
        this.placeholders = placeholders;
        this.suppliedBytes = Set.copyOf(suppliedBytes);
    }

    /**
     * The first difference, described with its path, or empty when {@code actual} satisfies
     * {@code expected}; Byte Strings with a tag in {@code randomTags} are server-generated randomness.
     */
    Optional<String> compare(Ttlv expected, Ttlv actual, Set<Tag> randomTags) {
        this.randomTags = randomTags;
        return compare(expected, actual, expected.tag().xmlName());
    }

    private Optional<String> compare(Ttlv expected, Ttlv actual, String path) {
        if (!expected.tag().equals(actual.tag())) {
            return Optional.of(path + ": expected tag " + expected.tag() + ", got " + actual.tag());
        }
        Optional<String> placeholder = Placeholders.nameOf(expected);
        if (placeholder.isPresent()) {
            return placeholders.match(placeholder.get(), actual).map(m -> path + ": " + m);
        }
        if (expected.type() != actual.type()) {
            return Optional.of(path + ": expected a " + expected.type() + ", got " + Values.show(actual));
        }
        return switch (expected) {
            case Structure e when describesServerRng(e) -> ((Structure) actual).items().stream()
                    .anyMatch(i -> i.tag().equals(Tag.RNG_ALGORITHM) && i.type() == e.items().stream()
                            .filter(x -> x.tag().equals(Tag.RNG_ALGORITHM)).findFirst().orElseThrow().type())
                    ? Optional.empty()
                    : Optional.of(path + ": expected the server's RNG Parameters with an RNG Algorithm, got " + Values.show(actual));
            case Structure e -> compareChildren(e, (Structure) actual, path);
            case DateTime e -> Math.abs(e.epochSeconds() - ((DateTime) actual).epochSeconds()) <= DATE_TOLERANCE_SECONDS
                    ? Optional.empty()
                    : Optional.of(path + ": expected " + Values.show(e) + " (+-" + DATE_TOLERANCE_SECONDS + " s), got " + Values.show(actual));
            case ByteString e when serverRandom(e) -> {
                if (e.value().length != ((ByteString) actual).value().length) {
                    yield Optional.of(path + ": expected " + e.value().length + " random bytes, got " + ((ByteString) actual).value().length);
                }
                placeholders.serverChose(e, (ByteString) actual);
                yield Optional.empty();
            }
            default -> Values.same(expected, actual) ? Optional.empty()
                    : Optional.of(path + ": expected " + Values.show(expected) + ", got " + Values.show(actual));
        };
    }

    /**
     * RNG Parameters (the Random Number Generator attribute, KMIP 1.4 section 3.44 / 2.1 section
     * 4.44) describe the generator of the server that made the key: the reference server's
     * ANSI X9.31 is not a requirement, so only the structure with its RNG Algorithm is compared.
     */
    private static boolean describesServerRng(Structure expected) {
        return expected.items().stream().anyMatch(i -> i.tag().equals(Tag.RNG_ALGORITHM));
    }

    private boolean serverRandom(ByteString expected) {
        return randomTags.contains(expected.tag())
                || expected.tag().equals(Tag.KEY_MATERIAL) && !suppliedBytes.contains(HexFormat.of().formatHex(expected.value()));
    }

    private Optional<String> compareChildren(Structure expected, Structure actual, String path) {
        List<Ttlv> unused = new ArrayList<>(actual.items());
        for (Tag tag : EXACT_COUNT) {
            long want = expected.items().stream().filter(i -> i.tag().equals(tag)).count();
            long got = actual.items().stream().filter(i -> i.tag().equals(tag)).count();
            if (want != got) {
                return Optional.of(path + ": expected " + want + " " + tag.xmlName() + ", got " + got);
            }
        }
        for (Ttlv child : expected.items()) {
            if (IGNORED.contains(child.tag())) {
                continue;
            }
            String childPath = path + "/" + child.tag().xmlName();
            List<Ttlv> candidates = unused.stream().filter(a -> a.tag().equals(child.tag())).toList();
            if (candidates.isEmpty()) {
                return Optional.of(childPath + ": missing (expected " + Values.show(child) + ")");
            }
            Optional<String> firstMismatch = Optional.empty();
            Ttlv chosen = null;
            for (Ttlv candidate : candidates) {
                Map<String, Ttlv> saved = placeholders.snapshot();
                Optional<String> mismatch = compare(child, candidate, childPath);
                if (mismatch.isEmpty()) {
                    chosen = candidate;
                    break;
                }
                placeholders.restore(saved);
                firstMismatch = firstMismatch.or(() -> mismatch);
            }
            if (chosen == null) {
                return candidates.size() == 1 ? firstMismatch
                        : Optional.of(childPath + ": none of " + candidates.size() + " matches " + Values.show(child)
                                + " (first difference: " + firstMismatch.orElse("") + ")");
            }
            unused.remove(chosen);
        }
        return Optional.empty();
    }
}
