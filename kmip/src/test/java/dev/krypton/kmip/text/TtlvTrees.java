package dev.krypton.kmip.text;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitrary TTLV trees for property tests: every item type, known, unknown and extension tags,
 * defined and undefined enumeration and mask values, and KMIP 1.x attributes whose Attribute
 * Name selects how the Attribute Value is named.
 */
final class TtlvTrees {
    private TtlvTrees() {
    }

    /** Trees up to four levels deep whose text XML 1.0 can carry (no control characters, no lone surrogates). */
    static Arbitrary<Ttlv> trees() {
        return trees(4);
    }

    private static Arbitrary<Ttlv> trees(int levels) {
        if (levels == 1) {
            return Arbitraries.oneOf(scalar(), attribute());
        }
        Arbitrary<Ttlv> structure = Combinators.combine(tags(), trees(levels - 1).list().ofMaxSize(5))
                .as(Ttlv.Structure::new);
        return Arbitraries.oneOf(scalar(), attribute(), structure);
    }

    /** A KMIP 1.x Attribute: a real attribute's name, then a value that its family names. */
    private static Arbitrary<Ttlv> attribute() {
        Arbitrary<Tag> named = Arbitraries.of(Tag.knownTags());
        Arbitrary<Ttlv> value = Arbitraries.oneOf(
                Arbitraries.integers().map(v -> new Ttlv.Enumeration(Tag.ATTRIBUTE_VALUE, v)),
                Arbitraries.integers().map(v -> new Ttlv.IntegerItem(Tag.ATTRIBUTE_VALUE, v)),
                Arbitraries.integers().between(0, 40).map(v -> new Ttlv.Enumeration(Tag.ATTRIBUTE_VALUE, v)),
                Arbitraries.integers().between(0, 0xFFFF).map(v -> new Ttlv.IntegerItem(Tag.ATTRIBUTE_VALUE, v)));
        return Combinators.combine(named, Arbitraries.of(true, false), value).as((tag, spec, v) ->
                Ttlv.Structure.of(Tag.ATTRIBUTE,
                        new Ttlv.TextString(Tag.ATTRIBUTE_NAME, spec ? tag.specName() : tag.xmlName()), v));
    }

    private static Arbitrary<Tag> tags() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(Tag.knownTags())),
                Tuple.of(1, Arbitraries.integers().between(0x540000, 0x54FFFF).map(Tag::of)),
                Tuple.of(1, Arbitraries.integers().between(0x420001, 0x42FFFF).map(Tag::of)));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars('\t', '\n', '\r').withCharRange(' ', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD').ofMaxLength(40);
    }

    private static Arbitrary<Ttlv> scalar() {
        Arbitrary<Tag> t = tags();
        return Arbitraries.oneOf(
                Combinators.combine(t, Arbitraries.integers()).as(Ttlv.IntegerItem::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.LongInteger::new),
                Combinators.combine(t, Arbitraries.bigIntegers().between(
                        BigInteger.TWO.pow(300).negate(), BigInteger.TWO.pow(300))).as(Ttlv.BigIntegerItem::new),
                Combinators.combine(t, Arbitraries.integers()).as(Ttlv.Enumeration::new),
                Combinators.combine(t, Arbitraries.integers().between(0, 60)).as(Ttlv.Enumeration::new),
                Combinators.combine(t, Arbitraries.of(true, false)).as(Ttlv.BooleanItem::new),
                Combinators.combine(t, text()).as(Ttlv.TextString::new),
                Combinators.combine(t, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(Ttlv.ByteString::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.DateTime::new),
                Combinators.combine(t, Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(Ttlv.Interval::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.DateTimeExtended::new));
    }
}
