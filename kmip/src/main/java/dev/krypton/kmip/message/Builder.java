package dev.krypton.kmip.message;

import dev.krypton.kmip.KmipEnum;
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
 * Builds one Structure field by field, in the order the specification's tables list them.
 * Optional values that are empty are left out.
 */
public final class Builder {
    private final Tag tag;
    private final List<Ttlv> items = new ArrayList<>(8);

    private Builder(Tag tag) {
        this.tag = tag;
    }

    /** A builder of a structure with this tag. */
    public static Builder of(Tag tag) {
        return new Builder(tag);
    }

    /** A Request Payload builder. */
    public static Builder request() {
        return new Builder(Tag.REQUEST_PAYLOAD);
    }

    /** A Response Payload builder. */
    public static Builder response() {
        return new Builder(Tag.RESPONSE_PAYLOAD);
    }

    public Builder item(Ttlv item) {
        items.add(item);
        return this;
    }

    public Builder items(List<? extends Ttlv> more) {
        items.addAll(more);
        return this;
    }

    public Builder item(Optional<? extends Ttlv> item) {
        item.ifPresent(items::add);
        return this;
    }

    public Builder text(Tag t, String value) {
        return item(new Ttlv.TextString(t, value));
    }

    public Builder text(Tag t, Optional<String> value) {
        value.ifPresent(v -> text(t, v));
        return this;
    }

    public Builder texts(Tag t, List<String> values) {
        values.forEach(v -> text(t, v));
        return this;
    }

    public Builder integer(Tag t, int value) {
        return item(new Ttlv.IntegerItem(t, value));
    }

    public Builder integer(Tag t, OptionalInt value) {
        value.ifPresent(v -> integer(t, v));
        return this;
    }

    public Builder longInteger(Tag t, OptionalLong value) {
        value.ifPresent(v -> item(new Ttlv.LongInteger(t, v)));
        return this;
    }

    public Builder interval(Tag t, OptionalLong value) {
        value.ifPresent(v -> item(new Ttlv.Interval(t, v)));
        return this;
    }

    public Builder bool(Tag t, Optional<Boolean> value) {
        value.ifPresent(v -> item(new Ttlv.BooleanItem(t, v)));
        return this;
    }

    public Builder dateTime(Tag t, Optional<Instant> value) {
        value.ifPresent(v -> item(Ttlv.DateTime.of(t, v)));
        return this;
    }

    public Builder bytes(Tag t, Bytes value) {
        return item(new Ttlv.ByteString(t, value.unsafeArray()));
    }

    public Builder bytes(Tag t, Optional<Bytes> value) {
        value.ifPresent(v -> bytes(t, v));
        return this;
    }

    public Builder enumeration(Tag t, KmipEnum value) {
        return item(Ttlv.Enumeration.of(t, value));
    }

    public Builder enumeration(Tag t, Optional<? extends KmipEnum> value) {
        value.ifPresent(v -> enumeration(t, v));
        return this;
    }

    public Builder enumerations(Tag t, List<? extends KmipEnum> values) {
        values.forEach(v -> enumeration(t, v));
        return this;
    }

    public Structure build() {
        return new Structure(tag, items);
    }
}
