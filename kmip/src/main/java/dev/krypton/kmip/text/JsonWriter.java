package dev.krypton.kmip.text;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.util.HexFormat;

/**
 * Writes TTLV items as KMIP JSON (KMIP Profiles 2.1 section 6.5), one object per line, indented:
 * {@code {"tag": "RequestMessage", "value": [...]}} for structures and
 * {@code {"tag": "Operation", "type": "Enumeration", "value": "Encrypt"}} for the rest. Tags
 * without a name are written as hex ("0x540001"); masks as flag names joined by {@code |};
 * Long Integers beyond 2^53 (where JSON numbers lose precision) and Big Integers as hex strings.
 */
final class JsonWriter {
    private static final long MAX_EXACT_DOUBLE = (1L << 53) - 1;

    private final StringBuilder out = new StringBuilder(256);

    /** The JSON of one item and everything inside it. */
    static String write(Ttlv item) {
        JsonWriter writer = new JsonWriter();
        writer.item(item, new ValueNames(), 0);
        return writer.out.toString();
    }

    private void item(Ttlv item, ValueNames names, int depth) {
        out.repeat("  ", depth).append("{\"tag\": ");
        Tag tag = item.tag();
        string(tag.isKnown() ? tag.xmlName() : tag.hex());
        if (!(item instanceof Ttlv.Structure)) {
            out.append(", \"type\": \"").append(item.type().xmlName()).append('"');
        }
        out.append(", \"value\": ");
        switch (item) {
            case Ttlv.Structure s -> structure(s, depth);
            case Ttlv.IntegerItem i -> {
                if (names.hasMask(i.tag())) {
                    string(names.integer(i.tag(), i.value(), "|"));
                } else {
                    out.append(i.value());
                }
            }
            case Ttlv.LongInteger l -> {
                if (Math.abs(l.value()) <= MAX_EXACT_DOUBLE) {
                    out.append(l.value());
                } else {
                    out.append("\"0x").append(HexFormat.of().withUpperCase().toHexDigits(l.value())).append('"');
                }
            }
            case Ttlv.BigIntegerItem b -> out.append("\"0x").append(ValueText.bigInteger(b.value())).append('"');
            case Ttlv.Enumeration e -> string(names.enumeration(e.tag(), e.value()));
            case Ttlv.BooleanItem b -> out.append(b.value());
            case Ttlv.TextString t -> string(t.value());
            case Ttlv.ByteString b -> string(ValueText.hex(b.value()));
            case Ttlv.DateTime d -> string(ValueText.dateTime(d.epochSeconds()));
            case Ttlv.Interval i -> out.append(i.seconds());
            case Ttlv.DateTimeExtended d -> string(ValueText.dateTimeExtended(d.epochMicros()));
        }
        out.append('}');
    }

    private void structure(Ttlv.Structure structure, int depth) {
        if (structure.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        ValueNames names = new ValueNames();
        for (int i = 0; i < structure.items().size(); i++) {
            Ttlv child = structure.items().get(i);
            item(child, names, depth + 1);
            names.saw(child);
            out.append(i + 1 < structure.items().size() ? ",\n" : "\n");
        }
        out.repeat("  ", depth).append(']');
    }

    /** A JSON string; fails on text with an unpaired surrogate, which has no UTF-8 form. */
    private void string(String text) {
        try {
            JsonStrings.quote(out, text, JsonStrings.Unpaired.REFUSE);
        } catch (IllegalArgumentException e) {
            throw Fail.field(e.getMessage());
        }
    }
}
