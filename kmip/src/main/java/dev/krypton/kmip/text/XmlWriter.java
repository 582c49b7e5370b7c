package dev.krypton.kmip.text;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;

/**
 * Writes TTLV items as KMIP XML (KMIP Profiles 2.1 section 6.4.1.6): one element per item,
 * named by the tag's normalized name ({@code <TTLV tag="0x540001" ...>} for tags without one),
 * a {@code type} and {@code value} attribute for every type but Structure, whose children are
 * nested elements. Indented by two spaces per level, as the OASIS test cases are.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder(256);

    /** The XML of one item and everything inside it. */
    static String write(Ttlv item) {
        XmlWriter writer = new XmlWriter();
        writer.item(item, new ValueNames(), 0);
        return writer.out.toString();
    }

    private void item(Ttlv item, ValueNames names, int depth) {
        out.repeat("  ", depth).append('<');
        Tag tag = item.tag();
        if (tag.isKnown()) {
            out.append(tag.xmlName());
        } else {
            out.append("TTLV tag=\"").append(tag.hex()).append('"');
        }
        switch (item) {
            case Ttlv.Structure s -> structure(s, depth);
            case Ttlv.IntegerItem i -> scalar(i, names.integer(i.tag(), i.value(), " "));
            case Ttlv.LongInteger l -> scalar(l, Long.toString(l.value()));
            case Ttlv.BigIntegerItem b -> scalar(b, ValueText.bigInteger(b.value()));
            case Ttlv.Enumeration e -> scalar(e, names.enumeration(e.tag(), e.value()));
            case Ttlv.BooleanItem b -> scalar(b, Boolean.toString(b.value()));
            case Ttlv.TextString t -> scalar(t, t.value());
            case Ttlv.ByteString b -> scalar(b, ValueText.hex(b.value()));
            case Ttlv.DateTime d -> scalar(d, ValueText.dateTime(d.epochSeconds()));
            case Ttlv.Interval i -> scalar(i, Long.toString(i.seconds()));
            case Ttlv.DateTimeExtended d -> scalar(d, ValueText.dateTimeExtended(d.epochMicros()));
        }
    }

    private void scalar(Ttlv item, String value) {
        out.append(" type=\"").append(item.type().xmlName()).append("\" value=\"");
        attribute(value);
        out.append("\"/>\n");
    }

    private void structure(Ttlv.Structure structure, int depth) {
        if (structure.items().isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        ValueNames names = new ValueNames();
        for (Ttlv child : structure.items()) {
            item(child, names, depth + 1);
            names.saw(child);
        }
        out.repeat("  ", depth).append("</").append(structure.tag().isKnown() ? structure.tag().xmlName() : "TTLV")
                .append(">\n");
    }

    /** Escapes an attribute value; fails on characters XML 1.0 cannot carry at all. */
    private void attribute(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        throw Fail.field("text has a character XML 1.0 cannot carry");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
