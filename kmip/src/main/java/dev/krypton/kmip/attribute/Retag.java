package dev.krypton.kmip.attribute;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;

/** Gives an item another tag, keeping type and value (attribute values move between tags). */
final class Retag {
    private Retag() {
    }

    static Ttlv to(Tag tag, Ttlv item) {
        if (item.tag().equals(tag)) {
            return item;
        }
        return switch (item) {
            case Ttlv.Structure s -> new Ttlv.Structure(tag, s.items());
            case Ttlv.IntegerItem i -> new Ttlv.IntegerItem(tag, i.value());
            case Ttlv.LongInteger l -> new Ttlv.LongInteger(tag, l.value());
            case Ttlv.BigIntegerItem b -> new Ttlv.BigIntegerItem(tag, b.value());
            case Ttlv.Enumeration e -> new Ttlv.Enumeration(tag, e.value());
            case Ttlv.BooleanItem b -> new Ttlv.BooleanItem(tag, b.value());
            case Ttlv.TextString t -> new Ttlv.TextString(tag, t.value());
            case Ttlv.ByteString b -> new Ttlv.ByteString(tag, b.value());
            case Ttlv.DateTime d -> new Ttlv.DateTime(tag, d.epochSeconds());
            case Ttlv.Interval i -> new Ttlv.Interval(tag, i.seconds());
            case Ttlv.DateTimeExtended d -> new Ttlv.DateTimeExtended(tag, d.epochMicros());
        };
    }
}
