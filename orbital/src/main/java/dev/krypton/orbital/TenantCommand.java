package dev.krypton.orbital;

/**
 * A lifecycle command decoded from an Orbital task (DESIGN.md section 7), for the engine.
 * Every command is idempotent: applying it to a tenant already in the target state is a no-op that
 * reports the actual state.
 */
public sealed interface TenantCommand {

    /** The tenant the command applies to. */
    String tenantId();

    /** LINK_KEY, SYSTEM_LINK: unwrap the tenant's L2 through {@code rootKey} and load it. */
    record Link(String tenantId, RootKeyRef rootKey) implements TenantCommand {}

    /** UNLINK_KEY, SYSTEM_UNLINK, KEY_DETACH: the kill switch, zeroize the tenant's keys. */
    record Unlink(String tenantId) implements TenantCommand {}

    /** KEY_DISABLE: zeroize and refuse LINK until enabled. */
    record Disable(String tenantId) implements TenantCommand {}

    /** KEY_ENABLE: allow LINK again. */
    record Enable(String tenantId) implements TenantCommand {}

    /** SYSTEM_SWITCH: re-wrap the L2 under another root key without downtime. */
    record Switch(String tenantId, RootKeyRef to) implements TenantCommand {}

    /** KEY_ROTATE: re-wrap the L2 under the root key's new version. */
    record Rotate(String tenantId) implements TenantCommand {}

    /** KEY_DELETE: destroy the tenant context (crypto-shredding). */
    record Destroy(String tenantId) implements TenantCommand {}

    /** TENANT_CONFIG: no change, report the actual state. */
    record Describe(String tenantId) implements TenantCommand {}
}
