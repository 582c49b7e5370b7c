package dev.krypton.storage;

import java.util.Optional;

/**
 * Notice that a tenant record reached a generation. A notice may arrive late, twice or out of
 * order, so listeners compare its generation with the one they applied and re-read the tenant to
 * learn the rest. A notice may say the state written at that generation: a listener may then wipe
 * keys of a tenant that left {@link TenantState#ACTIVE} without reading storage first (wiping is
 * never less safe), but it loads keys only from a record it read.
 *
 * @param tenantId   the tenant
 * @param generation the generation written
 * @param state      the state written at {@code generation}, or {@code null} when the backend does
 *                   not say (older writers)
 */
public record TenantChange(String tenantId, long generation, TenantState state) {

    public TenantChange {
        Ids.require(tenantId, "Tenant id");
    }

    /** A notice that does not say the state. */
    public TenantChange(String tenantId, long generation) {
        this(tenantId, generation, null);
    }

    /** A notice of what {@code record} says. */
    public static TenantChange of(TenantRecord record) {
        return new TenantChange(record.tenantId(), record.generation(), record.state());
    }

    /** The state written at {@link #generation()}, when the notice says it. */
    public Optional<TenantState> knownState() {
        return Optional.ofNullable(state);
    }
}
