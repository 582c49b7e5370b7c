package dev.krypton.kmip.server.operation;

import dev.krypton.engine.AttributeUpdate;
import dev.krypton.engine.LocateQuery;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.ObjectState;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the four attribute-changing operations into the engine's {@link AttributeUpdate}s. Clients
 * may change Name, text custom attributes ("x-..."), Cryptographic Usage Mask, Sensitive and
 * Extractable (the engine only lets Sensitive become true and Extractable become false); every
 * other attribute is set by the server and is Invalid Field here.
 */
final class AttributeEdits {

    private AttributeEdits() {
    }

    /** Add Attribute: one more Name or custom value; single-valued attributes are set. */
    static AttributeUpdate add(ManagedObject object, Attribute a) {
        return switch (a.key()) {
            case AttributeKey.Vendor v -> new AttributeUpdate.SetCustom(v.v1Name(), plus(custom(object, v), Templates.text(a)));
            case AttributeKey.Standard s when s.def() == AttributeDef.NAME ->
                    new AttributeUpdate.SetNames(plus(object.attributes().names(), name(a)));
            case AttributeKey.Standard s when StoredAttributes.CLIENT_SET.contains(s.def()) -> {
                List<String> now = stored(object, s.def());
                if (!now.isEmpty() && !StoredAttributes.MULTI.contains(s.def())) {
                    throw new KmipException(ResultReason.ATTRIBUTE_SINGLE_VALUED, "attribute " + s.def().specName()
                            + " already has a value; use Modify Attribute");
                }
                yield new AttributeUpdate.SetCustom(s.def().specName(), plus(now, StoredAttributes.encode(a)));
            }
            case AttributeKey.Standard s -> single(a, s.def());
        };
    }

    /** Set Attribute (KMIP 2.x): the attribute's only value becomes {@code a}. */
    static AttributeUpdate set(Attribute a) {
        return switch (a.key()) {
            case AttributeKey.Vendor v -> new AttributeUpdate.SetCustom(v.v1Name(), List.of(Templates.text(a)));
            case AttributeKey.Standard s when s.def() == AttributeDef.NAME -> new AttributeUpdate.SetNames(List.of(name(a)));
            case AttributeKey.Standard s when StoredAttributes.CLIENT_SET.contains(s.def()) ->
                    new AttributeUpdate.SetCustom(s.def().specName(), List.of(StoredAttributes.encode(a)));
            case AttributeKey.Standard s -> single(a, s.def());
        };
    }

    /**
     * Modify Attribute: replaces {@code current} (or the value at the index, or the first) with
     * {@code a}. The Activation Date of an object past Pre-Active is Wrong Key Lifecycle State
     * (KMIP 2.1 section 4.1: it may change only while Pre-Active).
     */
    static AttributeUpdate modify(ManagedObject object, Optional<Attribute> current, Attribute a) {
        if (a.key().equals(new AttributeKey.Standard(AttributeDef.ACTIVATION_DATE))
                && object.attributes().state() != ObjectState.PRE_ACTIVE) {
            throw new KmipException(ResultReason.WRONG_KEY_LIFECYCLE_STATE,
                    "the Activation Date cannot change once the object is not Pre-Active");
        }
        OptionalInt index = current.map(Attribute::index).orElse(a.index());
        return switch (a.key()) {
            case AttributeKey.Vendor v -> new AttributeUpdate.SetCustom(v.v1Name(),
                    replace(custom(object, v), current.map(Templates::text), index, Templates.text(a)));
            case AttributeKey.Standard s when s.def() == AttributeDef.NAME -> new AttributeUpdate.SetNames(
                    replace(object.attributes().names(), current.map(AttributeEdits::name), index, name(a)));
            case AttributeKey.Standard s when StoredAttributes.CLIENT_SET.contains(s.def()) -> new AttributeUpdate.SetCustom(
                    s.def().specName(), replace(stored(object, s.def()), current.map(StoredAttributes::encode), index,
                            StoredAttributes.encode(a)));
            case AttributeKey.Standard s -> single(a, s.def());
        };
    }

    /** Delete Attribute: removes {@code current} (or the value at the index, or every value). */
    static AttributeUpdate delete(ManagedObject object, AttributeKey key, OptionalInt index, Optional<Attribute> current) {
        return switch (key) {
            case AttributeKey.Vendor v -> {
                List<String> left = remove(custom(object, v), current.map(Templates::text), index);
                yield left.isEmpty() ? new AttributeUpdate.DeleteCustom(v.v1Name()) : new AttributeUpdate.SetCustom(v.v1Name(), left);
            }
            case AttributeKey.Standard s when s.def() == AttributeDef.NAME ->
                    new AttributeUpdate.SetNames(remove(object.attributes().names(), current.map(AttributeEdits::name), index));
            case AttributeKey.Standard s when StoredAttributes.CLIENT_SET.contains(s.def()) -> {
                List<String> left = remove(stored(object, s.def()), current.map(StoredAttributes::encode), index);
                yield left.isEmpty() ? new AttributeUpdate.DeleteCustom(s.def().specName())
                        : new AttributeUpdate.SetCustom(s.def().specName(), left);
            }
            case AttributeKey.Standard s -> throw readOnly(s.def());
        };
    }

    /**
     * Refuses a new Name value that an object of the tenant already has, this one included (KMIP
     * 2.1 section 4.32: a Name identifies one object): Non Unique Name Attribute.
     */
    static void requireUniqueName(RequestContext context, ManagedObject object, Attribute a) {
        if (!a.key().equals(new AttributeKey.Standard(AttributeDef.NAME))) {
            return;
        }
        String value = name(a);
        if (!context.keys().locate(context.principal(), LocateQuery.any().withTenant(object.tenant()).withName(value)).isEmpty()) {
            throw new KmipException(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE, "another object already has this Name");
        }
    }

    /** {@code update} and the Last Change Date it implies, for one Update Attributes call. */
    static List<AttributeUpdate> dated(AttributeUpdate update, Instant now) {
        return List.of(update, new AttributeUpdate.SetCustom(AttributeDef.LAST_CHANGE_DATE.specName(),
                List.of(StoredAttributes.date(AttributeDef.LAST_CHANGE_DATE, now))));
    }

    private static List<String> stored(ManagedObject object, AttributeDef def) {
        return object.attributes().custom().getOrDefault(def.specName(), List.of());
    }

    private static AttributeUpdate single(Attribute a, AttributeDef def) {
        return switch (def) {
            case CRYPTOGRAPHIC_USAGE_MASK -> new AttributeUpdate.SetUsage(UsageMasks.usages(((Ttlv.IntegerItem) a.value()).value()));
            case SENSITIVE -> new AttributeUpdate.SetSensitive(((Ttlv.BooleanItem) a.value()).value());
            case EXTRACTABLE -> new AttributeUpdate.SetExtractable(((Ttlv.BooleanItem) a.value()).value());
            default -> throw readOnly(def);
        };
    }

    private static KmipException readOnly(AttributeDef def) {
        return new KmipException(ResultReason.ATTRIBUTE_READ_ONLY, "attribute " + def.specName() + " cannot be changed by clients");
    }

    private static List<String> custom(ManagedObject object, AttributeKey.Vendor v) {
        return object.attributes().custom().getOrDefault(v.v1Name(), List.of());
    }

    private static String name(Attribute a) {
        return ((Ttlv.Structure) a.value()).find(Tag.NAME_VALUE).filter(Ttlv.TextString.class::isInstance)
                .map(t -> ((Ttlv.TextString) t).value())
                .orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD, "Name without a text Name Value"));
    }

    private static List<String> plus(List<String> values, String value) {
        List<String> out = new ArrayList<>(values);
        out.add(value);
        return out;
    }

    private static List<String> replace(List<String> values, Optional<String> current, OptionalInt index, String value) {
        List<String> out = new ArrayList<>(values);
        int at = position(values, current, index);
        out.set(at, value);
        return out;
    }

    private static List<String> remove(List<String> values, Optional<String> current, OptionalInt index) {
        if (current.isEmpty() && index.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values);
        out.remove(position(values, current, index));
        return out;
    }

    private static int position(List<String> values, Optional<String> current, OptionalInt index) {
        int at = current.map(values::indexOf).orElse(index.orElse(0));
        if (at < 0 || at >= values.size()) {
            throw new KmipException(ResultReason.ITEM_NOT_FOUND, "no such attribute instance");
        }
        return at;
    }
}
