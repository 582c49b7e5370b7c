package dev.krypton.storage;

/**
 * Notice that a tenant record reached a generation. Listeners re-read the tenant: a notice carries
 * no state, may arrive late, twice or out of order, and only says "look again".
 *
 * @param tenantId   the tenant
 * @param generation the generation written
 */
public record TenantChange(String tenantId, long generation) {

    public TenantChange {
        Ids.require(tenantId, "Tenant id");
    }
}
