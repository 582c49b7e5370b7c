package dev.krypton.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Which managed objects of one tenant to list: optionally only those with a given name, state or
 * kind. Built with {@link #tenant(String)} and the {@code with} methods, so no caller passes an
 * absent value.
 */
public final class ObjectQuery {

    private final String tenantId;
    private final String name;
    private final ObjectState state;
    private final ObjectKind kind;

    private ObjectQuery(String tenantId, String name, ObjectState state, ObjectKind kind) {
        this.tenantId = Ids.require(tenantId, "Tenant id");
        this.name = name;
        this.state = state;
        this.kind = kind;
    }

    /** All objects of a tenant. */
    public static ObjectQuery tenant(String tenantId) {
        return new ObjectQuery(tenantId, null, null, null);
    }

    /** Narrows to objects with this exact name. */
    public ObjectQuery withName(String exactName) {
        return new ObjectQuery(tenantId, Objects.requireNonNull(exactName, "name"), state, kind);
    }

    /** Narrows to objects in this state. */
    public ObjectQuery withState(ObjectState exactState) {
        return new ObjectQuery(tenantId, name, Objects.requireNonNull(exactState, "state"), kind);
    }

    /** Narrows to objects of this kind. */
    public ObjectQuery withKind(ObjectKind exactKind) {
        return new ObjectQuery(tenantId, name, state, Objects.requireNonNull(exactKind, "kind"));
    }

    /** The tenant whose objects are listed. */
    public String tenantId() {
        return tenantId;
    }

    /** The exact name to match, if narrowed by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The state to match, if narrowed by state. */
    public Optional<ObjectState> state() {
        return Optional.ofNullable(state);
    }

    /** The kind to match, if narrowed by kind. */
    public Optional<ObjectKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** Whether a record satisfies this query (used by backends that filter in memory). */
    public boolean matches(ManagedObjectRecord r) {
        return r.tenantId().equals(tenantId) && (name == null || name.equals(r.name()))
                && (state == null || state == r.state()) && (kind == null || kind == r.kind());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectQuery q && tenantId.equals(q.tenantId) && Objects.equals(name, q.name)
                && state == q.state && kind == q.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, name, state, kind);
    }

    @Override
    public String toString() {
        return "ObjectQuery[tenantId=" + tenantId + ", name=" + name() + ", state=" + state() + ", kind=" + kind() + "]";
    }
}
