package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.ItemType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns parsed JSON into TTLV items (KMIP Profiles 2.1 section 6.5): an object with "tag",
 * an optional "type" (Structure when absent) and "value", an array of such objects for a
 * Structure. Numbers are accepted wherever the type is numeric; strings everywhere the XML
 * encoding would accept the same text.
 */
final class JsonReader {
    private static final Set<String> MEMBERS = Set.of("tag", "type", "value");
    private static final int MAX_DECIMAL_BIG_INTEGER_DIGITS = 1000;

    private final Budget budget;

    private JsonReader(DecodeLimits limits) {
        this.budget = new Budget(limits);
    }

    /** The item a parsed JSON object describes. */
    static Ttlv read(Json json, DecodeLimits limits) {
        return new JsonReader(limits).item(json, new ValueNames());
    }

    private Ttlv item(Json json, ValueNames names) {
        if (!(json instanceof Json.Obj(var members)) || !MEMBERS.containsAll(members.keySet())) {
            throw Fail.message("a TTLV item must be an object of tag, type and value");
        }
        budget.open();
        Tag tag = Scalars.tag(string(members.get("tag"), "tag"));
        ItemType type = members.containsKey("type") ? Scalars.type(string(members.get("type"), "type")) : ItemType.STRUCTURE;
        Json value = members.get("value");
        if (value == null) {
            throw Fail.message("item " + tag.hex() + " without a value");
        }
        Ttlv item = type == ItemType.STRUCTURE ? structure(tag, value) : scalar(tag, type, value, names);
        budget.close();
        return item;
    }

    private Ttlv structure(Tag tag, Json value) {
        if (!(value instanceof Json.Arr(var elements))) {
            throw Fail.message("structure " + tag.hex() + " value is not an array");
        }
        ValueNames names = new ValueNames();
        List<Ttlv> items = new ArrayList<>(elements.size());
        for (Json element : elements) {
            Ttlv child = item(element, names);
            items.add(child);
            names.saw(child);
        }
        return new Ttlv.Structure(tag, items);
    }

    private static Ttlv scalar(Tag tag, ItemType type, Json value, ValueNames names) {
        return switch (value) {
            case Json.Str(String text) -> Scalars.read(tag, type, text, names);
            case Json.Num(String literal) -> number(tag, type, literal, names);
            case Json.Bool(boolean b) when type == ItemType.BOOLEAN -> new Ttlv.BooleanItem(tag, b);
            case Json.Bool b -> throw Fail.field("boolean value for a " + type.xmlName());
            case Json.Obj o -> throw Fail.message("object value for a " + type.xmlName());
            case Json.Arr a -> throw Fail.message("array value for a " + type.xmlName());
            case Json.Null n -> throw Fail.field("null value for a " + type.xmlName());
        };
    }

    private static Ttlv number(Tag tag, ItemType type, String literal, ValueNames names) {
        if (!ValueText.isDecimal(literal) && type != ItemType.BIG_INTEGER) {
            throw Fail.field("number is not an integer in range");
        }
        return switch (type) {
            case INTEGER, LONG_INTEGER, ENUMERATION, INTERVAL -> Scalars.read(tag, type, literal, names);
            case DATE_TIME -> new Ttlv.DateTime(tag, ValueText.parseLong(literal));
            case DATE_TIME_EXTENDED -> new Ttlv.DateTimeExtended(tag, ValueText.parseLong(literal));
            case BIG_INTEGER -> new Ttlv.BigIntegerItem(tag, bigDecimal(literal));
            case STRUCTURE, BOOLEAN, TEXT_STRING, BYTE_STRING -> throw Fail.field("number for a " + type.xmlName());
        };
    }

    private static BigInteger bigDecimal(String literal) {
        boolean integer = literal.length() <= MAX_DECIMAL_BIG_INTEGER_DIGITS
                && literal.chars().skip(literal.startsWith("-") ? 1 : 0).allMatch(c -> c >= '0' && c <= '9');
        if (!integer) {
            throw Fail.field("big integer number is not a bounded integer");
        }
        return new BigInteger(literal);
    }

    private static String string(Json json, String member) {
        if (json instanceof Json.Str(String text)) {
            return text;
        }
        throw Fail.message("member " + member + " is missing or not a string");
    }
}
