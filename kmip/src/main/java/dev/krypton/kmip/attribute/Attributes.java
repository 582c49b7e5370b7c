package dev.krypton.kmip.attribute;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.message.ProtocolVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ordered list of attribute instances with typed accessors for the common ones. The same
 * value serves KMIP 1.x (Template-Attribute, Attribute name/value pairs) and 2.x (Attributes
 * structure); {@link AttributeCodec} converts, {@link #existingIn} drops what a version lacks.
 */
public record Attributes(List<Attribute> list) {
    private static final Attributes EMPTY = new Attributes(List.of());

    public Attributes {
        list = List.copyOf(list);
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Attributes of(Attribute... attributes) {
        return new Attributes(List.of(attributes));
    }

    /** This list plus {@code a} at the end. */
    public Attributes with(Attribute a) {
        var copy = new ArrayList<>(list);
        copy.add(a);
        return new Attributes(copy);
    }

    /** Only the attributes that exist in protocol version {@code v}. */
    public Attributes existingIn(ProtocolVersion v) {
        return list.stream().allMatch(a -> a.key().existsIn(v)) ? this
                : new Attributes(list.stream().filter(a -> a.key().existsIn(v)).toList());
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** All values of one attribute, in order. */
    public List<Ttlv> values(AttributeKey key) {
        return list.stream().filter(a -> a.key().equals(key)).map(Attribute::value).toList();
    }

    /** The first value of a standard attribute. */
    public Optional<Ttlv> first(AttributeDef def) {
        return values(new AttributeKey.Standard(def)).stream().findFirst();
    }

    public Optional<CryptographicAlgorithm> cryptographicAlgorithm() {
        return enumeration(AttributeDef.CRYPTOGRAPHIC_ALGORITHM).flatMap(CryptographicAlgorithm.FAMILY::byValue);
    }

    public OptionalInt cryptographicLength() {
        return integer(AttributeDef.CRYPTOGRAPHIC_LENGTH);
    }

    public OptionalInt cryptographicUsageMask() {
        return integer(AttributeDef.CRYPTOGRAPHIC_USAGE_MASK);
    }

    public Optional<CryptographicParameters> cryptographicParameters() {
        return first(AttributeDef.CRYPTOGRAPHIC_PARAMETERS).map(v -> CryptographicParameters.read((Ttlv.Structure) v));
    }

    public Optional<ObjectType> objectType() {
        return enumeration(AttributeDef.OBJECT_TYPE).flatMap(ObjectType.FAMILY::byValue);
    }

    public Optional<State> state() {
        return enumeration(AttributeDef.STATE).flatMap(State.FAMILY::byValue);
    }

    public Optional<String> uniqueIdentifier() {
        return first(AttributeDef.UNIQUE_IDENTIFIER).map(v -> ((Ttlv.TextString) v).value());
    }

    /** The Name Value of every Name attribute. */
    public List<String> names() {
        return values(new AttributeKey.Standard(AttributeDef.NAME)).stream()
                .flatMap(v -> ((Ttlv.Structure) v).find(Tag.NAME_VALUE).stream())
                .map(n -> n instanceof Ttlv.TextString t ? t.value() : "").toList();
    }

    /** The value of a date attribute (Activation Date, Initial Date...). */
    public Optional<Instant> date(AttributeDef def) {
        return first(def).filter(Ttlv.DateTime.class::isInstance).map(v -> ((Ttlv.DateTime) v).instant());
    }

    /** The value of a boolean attribute (Sensitive, Extractable...). */
    public Optional<Boolean> flag(AttributeDef def) {
        return first(def).filter(Ttlv.BooleanItem.class::isInstance).map(v -> ((Ttlv.BooleanItem) v).value());
    }

    /** The value of a custom attribute such as "x-ID" (vendor "x", name "ID"). */
    public Optional<Ttlv> custom(String vendor, String name) {
        return values(new AttributeKey.Vendor(vendor, name)).stream().findFirst();
    }

    private Optional<Integer> enumeration(AttributeDef def) {
        return first(def).map(v -> ((Ttlv.Enumeration) v).value());
    }

    private OptionalInt integer(AttributeDef def) {
        return first(def).map(v -> OptionalInt.of(((Ttlv.IntegerItem) v).value())).orElse(OptionalInt.empty());
    }
}
