package dev.krypton.storage;

import java.util.Objects;

/**
 * A tenant's identity, state and generation without the rest of its record: what a cluster node
 * reads every poll to find the tenants that moved ({@link Storage#tenantGenerations}).
 *
 * @param tenantId   the tenant
 * @param state      its stored state
 * @param generation its stored generation
 */
public record TenantGeneration(String tenantId, TenantState state, long generation) {

    public TenantGeneration {
        Ids.require(tenantId, "Tenant id");
        Objects.requireNonNull(state, "state");
    }

    /** The generation part of a full record. */
    public static TenantGeneration of(TenantRecord record) {
        return new TenantGeneration(record.tenantId(), record.state(), record.generation());
    }
}
