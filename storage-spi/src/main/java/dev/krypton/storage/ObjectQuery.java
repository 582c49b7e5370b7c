package dev.krypton.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Which managed objects of one tenant to list: optionally only those with a given name, state or
 * kind. Build with {@link #tenant(String)} and the {@code with} methods.
 *
 * @param tenantId the tenant
 * @param name     exact name to match, if any
 * @param state    state to match, if any
 * @param kind     kind to match, if any
 */
public record ObjectQuery(String tenantId, Optional<String> name, Optional<ObjectState> state,
                          Optional<ObjectKind> kind) {

    public ObjectQuery {
        Ids.require(tenantId, "Tenant id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
    }

    /** All objects of a tenant. */
    public static ObjectQuery tenant(String tenantId) {
        return new ObjectQuery(tenantId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Narrows to objects with this exact name. */
    public ObjectQuery withName(String exactName) {
        return new ObjectQuery(tenantId, Optional.of(exactName), state, kind);
    }

    /** Narrows to objects in this state. */
    public ObjectQuery withState(ObjectState exactState) {
        return new ObjectQuery(tenantId, name, Optional.of(exactState), kind);
    }

    /** Narrows to objects of this kind. */
    public ObjectQuery withKind(ObjectKind exactKind) {
        return new ObjectQuery(tenantId, name, state, Optional.of(exactKind));
    }

    /** Whether a record satisfies this query (used by backends that filter in memory). */
    public boolean matches(ManagedObjectRecord r) {
        return r.tenantId().equals(tenantId) && name.map(r.name()::equals).orElse(true)
                && state.map(s -> s == r.state()).orElse(true) && kind.map(k -> k == r.kind()).orElse(true);
    }
}
