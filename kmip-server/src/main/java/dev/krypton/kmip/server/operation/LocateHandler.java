package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Ttlv;
import java.util.Optional;
import dev.krypton.engine.LocateQuery;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.ObjectState;
import dev.krypton.engine.TenantId;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Locate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Locate (KMIP 1.4 section 4.9, KMIP 2.1 section 6.1.28) in the tenants the principal may search.
 * Name, Object Type, State and Object Group (a tenant id, or {@code kek} for L3 versions) are
 * searched by the engine; every other attribute given must equal one of the object's values.
 * Offset Items and Maximum Items page the result (Maximum Items above the server's cap, and an
 * absent one, mean the cap; negative values are Invalid Field); the first identifier becomes the ID
 * Placeholder. Located Items (KMIP 1.3 and later) gives the number of all matches, so a client
 * learns that a page was cut; KMIP 1.0 to 1.2 have no such field (see docs/kmip-server.md).
 */
final class LocateHandler implements OperationHandler<Locate.Request> {

    private static final Set<AttributeDef> ENGINE_SEARCHED = EnumSet.of(AttributeDef.NAME, AttributeDef.OBJECT_TYPE,
            AttributeDef.STATE, AttributeDef.OBJECT_GROUP);

    /** On-line, Archival and (KMIP 2.x) Destroyed Storage. */
    private static final int STORAGE_STATUS_BITS = 0x7;
    private static final int ON_LINE = 0x1;
    private static final int DESTROYED = 0x4;

    private final int maxItems;

    LocateHandler(int maxItems) {
        this.maxItems = maxItems;
    }

    @Override
    public Operation operation() {
        return Operation.LOCATE;
    }

    @Override
    public Class<Locate.Request> requestType() {
        return Locate.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Locate.Request request) {
        long offset = nonNegative(request.offsetItems(), 0, "Offset Items");
        int max = Math.min(nonNegative(request.maximumItems(), maxItems, "Maximum Items"), maxItems);
        if (request.storageStatusMask().isPresent() && (request.storageStatusMask().getAsInt() & ~STORAGE_STATUS_BITS) != 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Storage Status Mask takes the bits 1, 2 and 4 only, was "
                    + request.storageStatusMask().getAsInt());
        }
        Attributes wanted = request.attributes();
        List<String> names = wanted.names();
        if (names.size() > 1) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Locate takes at most one Name");
        }
        Set<dev.krypton.engine.ObjectType> types = EnumSet.noneOf(dev.krypton.engine.ObjectType.class);
        boolean impossible = false;
        for (var t : wanted.values(new AttributeKey.Standard(AttributeDef.OBJECT_TYPE))) {
            var type = ObjectType.FAMILY.byValue(((Ttlv.Enumeration) t).value());
            var match = type.flatMap(AttributeView::engineType);
            match.ifPresent(types::add);
            impossible |= match.isEmpty();
        }
        Set<ObjectState> states = EnumSet.noneOf(ObjectState.class);
        for (ObjectState s : ObjectState.values()) {
            if (wanted.values(new AttributeKey.Standard(AttributeDef.STATE)).stream()
                    .anyMatch(v -> ((Ttlv.Enumeration) v).value() == AttributeView.state(s).value())) {
                states.add(s);
            }
        }
        impossible |= wanted.state().isPresent() && states.isEmpty();
        Set<ObjectState> stored = storedStates(request.storageStatusMask().orElse(ON_LINE));
        if (states.isEmpty()) {
            states.addAll(stored);
        } else {
            states.retainAll(stored);
        }
        impossible |= states.isEmpty();
        List<String> groups = Templates.groups(wanted);
        Set<ManagedObject.Kind> kinds = groups.contains(AttributeView.KEK_GROUP) ? Set.of(ManagedObject.Kind.KEK_VERSION) : Set.of();
        List<TenantId> tenants = groups.stream().filter(g -> !g.equals(AttributeView.KEK_GROUP)).map(TenantId::of).toList();
        if (impossible || tenants.size() > 1) {
            return new Locate.Response(located(context, 0), List.of());
        }
        List<Attribute> rest = wanted.list().stream()
                .filter(a -> !(a.key() instanceof AttributeKey.Standard s && ENGINE_SEARCHED.contains(s.def()))).toList();
        var query = new LocateQuery(Set.copyOf(tenants), names.isEmpty() ? "" : names.getFirst(), types, states, kinds,
                Integer.MAX_VALUE);
        List<String> found = context.keys().locate(context.principal(), query);
        List<String> matching = rest.isEmpty() ? found : found.stream().filter(uid -> matches(context, uid, rest)).toList();
        int from = (int) Math.min(offset, matching.size());
        int to = (int) Math.min(matching.size(), from + (long) max);
        List<String> page = List.copyOf(matching.subList(from, to));
        if (!page.isEmpty()) {
            context.remember(page.getFirst());
        }
        return new Locate.Response(located(context, matching.size()), page);
    }

    /**
     * The states the Storage Status Mask searches: On-line storage holds every object that is not
     * destroyed (nothing is ever archived here, so Archival storage alone finds nothing), Destroyed
     * storage the Destroyed objects, whose key material is gone; without a mask only on-line
     * objects are searched (KMIP 1.4 section 4.9, KMIP 2.1 section 6.1.28: a destroyed object is
     * returned only when the mask includes Destroyed storage).
     */
    private static Set<ObjectState> storedStates(int mask) {
        Set<ObjectState> states = EnumSet.noneOf(ObjectState.class);
        if ((mask & ON_LINE) != 0) {
            states.addAll(EnumSet.complementOf(EnumSet.of(ObjectState.DESTROYED)));
        }
        if ((mask & DESTROYED) != 0) {
            states.add(ObjectState.DESTROYED);
        }
        return states;
    }

    /** Located Items, the number of all matches, for KMIP 1.3 and later (earlier versions lack the field). */
    private static OptionalInt located(RequestContext context, int matches) {
        return context.version().atLeast(ProtocolVersion.V1_3) ? OptionalInt.of(matches) : OptionalInt.empty();
    }

    /**
     * Whether the object has every attribute value asked for; two values of one Date-Time attribute
     * are a range, both ends included (KMIP 1.4 section 4.9, KMIP 2.1 section 6.1.28).
     */
    private static boolean matches(RequestContext context, String uid, List<Attribute> rest) {
        Attributes have = AttributeView.of(context.keys().attributes(context.principal(), uid), context.version());
        Map<AttributeKey, List<Ttlv>> asked = new LinkedHashMap<>();
        rest.forEach(a -> asked.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.value()));
        return asked.entrySet().stream().allMatch(e -> {
            List<Ttlv> values = e.getValue();
            List<Ttlv> actual = have.values(e.getKey());
            if (values.size() == 2 && values.stream().allMatch(Ttlv.DateTime.class::isInstance)) {
                long a = ((Ttlv.DateTime) values.get(0)).epochSeconds();
                long b = ((Ttlv.DateTime) values.get(1)).epochSeconds();
                return actual.stream().filter(Ttlv.DateTime.class::isInstance).map(t -> ((Ttlv.DateTime) t).epochSeconds())
                        .anyMatch(t -> t >= Math.min(a, b) && t <= Math.max(a, b));
            }
            return actual.containsAll(values);
        });
    }

    private static int nonNegative(OptionalInt value, int fallback, String field) {
        int v = value.orElse(fallback);
        if (v < 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, field + " must not be negative, was " + v);
        }
        return v;
    }
}
