package dev.krypton.engine;

import java.util.Objects;
import java.util.Set;

/**
 * Criteria of a Locate (KMIP 1.4 section 4.9); an empty set or string means "any". Only tenants
 * the principal may LOCATE in are searched; {@code maxItems} bounds the answer.
 */
public record LocateQuery(Set<TenantId> tenants, String name, Set<ObjectType> types,
                          Set<ObjectState> states, Set<ManagedObject.Kind> kinds, int maxItems) {

    public LocateQuery {
        tenants = Set.copyOf(tenants);
        Objects.requireNonNull(name, "name");
        types = Set.copyOf(types);
        states = Set.copyOf(states);
        kinds = Set.copyOf(kinds);
        if (maxItems < 1) {
            throw EngineException.invalid("maxItems must be at least 1");
        }
    }

    public static LocateQuery any() {
        return new LocateQuery(Set.of(), "", Set.of(), Set.of(), Set.of(), 1000);
    }

    public LocateQuery withTenant(TenantId tenant) {
        return new LocateQuery(Set.of(tenant), name, types, states, kinds, maxItems);
    }

    public LocateQuery withName(String value) {
        return new LocateQuery(tenants, value, types, states, kinds, maxItems);
    }

    public LocateQuery withStates(Set<ObjectState> value) {
        return new LocateQuery(tenants, name, types, value, kinds, maxItems);
    }
}
