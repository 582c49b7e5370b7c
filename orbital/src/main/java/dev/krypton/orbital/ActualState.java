package dev.krypton.orbital;

import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantStatus;
import java.util.Map;
import java.util.Objects;

/**
 * What this region actually holds for a tenant, reported in every task response so Orbital's
 * reconcile loop can compare desired with actual state (docs/design.md section 7).
 *
 * @param tenantId the tenant
 * @param state tenant state name (UNLINKED, ACTIVE, DISABLED, ROOT_REVOKED, DESTROYED or UNKNOWN)
 * @param generation the tenant's generation in storage, 0 when unknown
 * @param rootKeyId {@code provider:keyId} of the root key (L1) the L2 is wrapped under, empty when none
 * @param rootKeyVersion version of that root key, empty when none or not versioned
 */
public record ActualState(
        String tenantId, String state, long generation, String rootKeyId, String rootKeyVersion) {

    /** metaData key of the tenant state. */
    public static final String STATE = "krypton.tenant.state";
    /** metaData key of the tenant generation. */
    public static final String GENERATION = "krypton.tenant.generation";
    /** metaData key of the root key id. */
    public static final String ROOT_KEY_ID = "krypton.rootKey.id";
    /** metaData key of the root key version. */
    public static final String ROOT_KEY_VERSION = "krypton.rootKey.version";
    /** metaData key of the tenant id. */
    public static final String TENANT = "krypton.tenant.id";

    /** Validates that every component is present. */
    public ActualState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rootKeyId, "rootKeyId");
        Objects.requireNonNull(rootKeyVersion, "rootKeyVersion");
    }

    /** The state of a tenant this region has never seen. */
    public static ActualState unknown(String tenantId) {
        return new ActualState(tenantId, "UNKNOWN", 0, "", "");
    }

    /** The actual state reported by the engine. */
    public static ActualState of(TenantStatus status) {
        return new ActualState(status.tenant().value(), status.state().name(), status.generation(),
                status.rootKey().map(r -> r.provider() + ":" + r.keyId()).orElse(""),
                status.rootKeyVersion().orElse(""));
    }

    /** The actual state of a tenant as the engine reports it now. */
    public static ActualState lookup(dev.krypton.engine.TenantCommands engine, TenantId tenant) {
        return engine.status(tenant).map(ActualState::of).orElse(unknown(tenant.value()));
    }

    /** The state as TaskResponse metaData entries. */
    public Map<String, String> asMetaData() {
        return Map.of(
                TENANT, tenantId,
                STATE, state,
                GENERATION, Long.toString(generation),
                ROOT_KEY_ID, rootKeyId,
                ROOT_KEY_VERSION, rootKeyVersion);
    }
}
