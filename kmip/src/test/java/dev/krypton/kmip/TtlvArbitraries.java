package dev.krypton.kmip;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of arbitrary TTLV trees for the property tests. */
final class TtlvArbitraries {
    private TtlvArbitraries() {
    }

    /** Known tags, unknown 0x42xxxx tags and 0x54xxxx extension tags. */
    static Arbitrary<Tag> tags() {
        return Arbitraries.oneOf(
                Arbitraries.of(Tag.knownTags()),
                Arbitraries.integers().between(0x420001, 0x42FFFF).map(Tag::of),
                Arbitraries.integers().between(0x540000, 0x54FFFF).map(Tag::of));
    }

    /** Enumeration values: defined ones, vendor 0x8xxxxxxx ones and any other bit pattern. */
    static Arbitrary<Integer> enumValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 80),
                Arbitraries.integers().between(0x80000000, 0x8FFFFFFF),
                Arbitraries.integers());
    }

    static Arbitrary<Ttlv> leaves() {
        Arbitrary<Tag> t = tags();
        return Arbitraries.oneOf(
                Combinators.combine(t, Arbitraries.integers()).as(Ttlv.IntegerItem::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.LongInteger::new),
                Combinators.combine(t, Arbitraries.bigIntegers()
                        .between(BigInteger.ONE.shiftLeft(600).negate(), BigInteger.ONE.shiftLeft(600)))
                        .as(Ttlv.BigIntegerItem::new),
                Combinators.combine(t, enumValues()).as(Ttlv.Enumeration::new),
                Combinators.combine(t, Arbitraries.of(true, false)).as(Ttlv.BooleanItem::new),
                Combinators.combine(t, Arbitraries.strings().ofMaxLength(40)).as(Ttlv.TextString::new),
                Combinators.combine(t, unicode()).as(Ttlv.TextString::new),
                Combinators.combine(t, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(Ttlv.ByteString::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.DateTime::new),
                Combinators.combine(t, Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(Ttlv.Interval::new),
                Combinators.combine(t, Arbitraries.longs()).as(Ttlv.DateTimeExtended::new));
    }

    /** Strings of any code points, supplementary ones included (never an unpaired surrogate). */
    static Arbitrary<String> unicode() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(20)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    /** Trees up to four levels deep, up to six children per structure. */
    static Arbitrary<Ttlv> trees() {
        return tree(4);
    }

    private static Arbitrary<Ttlv> tree(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<Ttlv> structure = Combinators.combine(tags(), tree(depth - 1).list().ofMaxSize(6))
                .as((Tag tag, List<Ttlv> items) -> new Ttlv.Structure(tag, items));
        return Arbitraries.frequencyOf(Tuple.of(2, leaves()), Tuple.of(3, structure));
    }
}
