package dev.krypton.kmip.message;

import dev.krypton.kmip.EnumFamily;
import dev.krypton.kmip.KmipEnum;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A strict reader of one Structure's fields for the typed message layer.
 *
 * <p>Each read takes the fields with a tag and marks them used; a field of the wrong item type,
 * a repeated single field or a missing required one raises {@link KmipException} with reason
 * Invalid Field and a message naming the structure and tag. {@link #end()} rejects any field no
 * read took, so unknown fields in requests are refused rather than silently dropped.
 */
public final class Fields {
    private final Structure structure;
    private final String where;
    private final boolean[] used;
    private final int[] tags;

    private Fields(Structure structure, String where) {
        this.structure = structure;
        this.where = where;
        List<Ttlv> items = structure.items();
        this.used = new boolean[items.size()];
        this.tags = new int[items.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = items.get(i).tag().value();
        }
    }

    /** A reader of {@code structure}; {@code where} names it in error messages ("Decrypt request payload"). */
    public static Fields of(Structure structure, String where) {
        return new Fields(structure, where);
    }

    /** The structure being read. */
    public Structure structure() {
        return structure;
    }

    /** All fields with this tag, in order, of any type. */
    public List<Ttlv> all(Tag tag) {
        List<Ttlv> out = List.of();
        List<Ttlv> items = structure.items();
        int wanted = tag.value();
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == wanted) {
                used[i] = true;
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                out.add(items.get(i));
            }
        }
        return out;
    }

    /** At most one field with this tag, of any type. */
    public Optional<Ttlv> any(Tag tag) {
        return Optional.ofNullable(one(tag));
    }

    /** The one field with this tag or null (internal: public methods never return null). */
    private Ttlv one(Tag tag) {
        int wanted = tag.value();
        int found = -1;
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] == wanted) {
                if (found >= 0) {
                    throw invalid(tag.specName() + " appears more than once in " + where);
                }
                found = i;
            }
        }
        if (found < 0) {
            return null;
        }
        used[found] = true;
        return structure.items().get(found);
    }

    private Ttlv required(Tag tag) {
        Ttlv item = one(tag);
        if (item == null) {
            throw invalid("missing required " + tag.specName() + " in " + where);
        }
        return item;
    }

    /** Every field no read has taken yet, in order, and marks them taken (for pass-through). */
    public List<Ttlv> rest() {
        List<Ttlv> out = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                used[i] = true;
                out.add(structure.items().get(i));
            }
        }
        return out;
    }

    /** Fails with Invalid Field if any field was not read. */
    public void end() {
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                Ttlv item = structure.items().get(i);
                throw invalid("unexpected " + item.tag() + " in " + where);
            }
        }
    }

    public Optional<String> text(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(as(item, Ttlv.TextString.class).value());
    }

    public String requiredText(Tag tag) {
        return as(required(tag), Ttlv.TextString.class).value();
    }

    public List<String> texts(Tag tag) {
        List<Ttlv> found = all(tag);
        List<String> out = new ArrayList<>(found.size());
        found.forEach(i -> out.add(as(i, Ttlv.TextString.class).value()));
        return out;
    }

    public OptionalInt integer(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? OptionalInt.empty() : OptionalInt.of(as(item, Ttlv.IntegerItem.class).value());
    }

    public int requiredInteger(Tag tag) {
        return as(required(tag), Ttlv.IntegerItem.class).value();
    }

    public OptionalLong longInteger(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? OptionalLong.empty() : OptionalLong.of(as(item, Ttlv.LongInteger.class).value());
    }

    public OptionalLong interval(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? OptionalLong.empty() : OptionalLong.of(as(item, Ttlv.Interval.class).seconds());
    }

    public Optional<Boolean> bool(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(as(item, Ttlv.BooleanItem.class).value());
    }

    public Optional<Instant> dateTime(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(as(item, Ttlv.DateTime.class).instant());
    }

    public Optional<Bytes> bytes(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(Bytes.wrap(as(item, Ttlv.ByteString.class).value()));
    }

    public Bytes requiredBytes(Tag tag) {
        return Bytes.wrap(as(required(tag), Ttlv.ByteString.class).value());
    }

    public Optional<Structure> struct(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(as(item, Structure.class));
    }

    public Structure requiredStruct(Tag tag) {
        return as(required(tag), Structure.class);
    }

    public List<Structure> structs(Tag tag) {
        List<Ttlv> found = all(tag);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Structure> out = new ArrayList<>(found.size());
        found.forEach(i -> out.add(as(i, Structure.class)));
        return out;
    }

    /** An enumeration field named by {@code family}; values the family lacks are Invalid Field. */
    public <E extends KmipEnum> Optional<E> enumeration(Tag tag, EnumFamily<E> family) {
        Ttlv item = one(tag);
        return item == null ? Optional.empty() : Optional.of(named(as(item, Ttlv.Enumeration.class), family));
    }

    public <E extends KmipEnum> E requiredEnumeration(Tag tag, EnumFamily<E> family) {
        return named(as(required(tag), Ttlv.Enumeration.class), family);
    }

    public <E extends KmipEnum> List<E> enumerations(Tag tag, EnumFamily<E> family) {
        List<Ttlv> found = all(tag);
        List<E> out = new ArrayList<>(found.size());
        found.forEach(i -> out.add(named(as(i, Ttlv.Enumeration.class), family)));
        return out;
    }

    /** The raw value of an enumeration field, for families that allow vendor values. */
    public OptionalInt enumValue(Tag tag) {
        Ttlv item = one(tag);
        return item == null ? OptionalInt.empty() : OptionalInt.of(as(item, Ttlv.Enumeration.class).value());
    }

    private <E extends KmipEnum> E named(Ttlv.Enumeration e, EnumFamily<E> family) {
        return family.byValue(e.value()).orElseThrow(() -> invalid(
                "unknown " + family.specName() + " value 0x" + Integer.toHexString(e.value()) + " in " + where));
    }

    /** Casts {@code item} to the expected record type or fails with Invalid Field naming both types. */
    public <T extends Ttlv> T as(Ttlv item, Class<T> type) {
        if (type.isInstance(item)) {
            return type.cast(item);
        }
        throw invalid(item.tag() + " in " + where + " has type " + item.type().specName()
                + ", expected " + type.getSimpleName());
    }

    /** An Invalid Field failure mentioning this structure. */
    public KmipException invalid(String message) {
        return new KmipException(ResultReason.INVALID_FIELD, message);
    }
}
