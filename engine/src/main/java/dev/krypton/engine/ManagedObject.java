package dev.krypton.engine;

import java.util.Objects;

/**
 * A view of one managed object of a tenant, without key material. {@code uid} is
 * {@code <tenant>:<kek>:<version>} for an L3 KEK version and {@code <tenant>:<uuid>} for a
 * tenant object (docs/design.md section 3).
 */
public record ManagedObject(String uid, TenantId tenant, Kind kind, ObjectAttributes attributes) {

    /** Whether the object is an L3 KEK version (never leaves the core) or a tenant object. */
    public enum Kind { KEK_VERSION, TENANT_OBJECT }

    public ManagedObject {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributes, "attributes");
    }
}
