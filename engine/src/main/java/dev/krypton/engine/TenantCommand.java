package dev.krypton.engine;

import java.util.Objects;

/**
 * The lifecycle commands of a tenant (docs/design.md sections 3 and 7). Each is idempotent: repeating
 * one that already took effect changes nothing and reports {@code changed = false}.
 */
public sealed interface TenantCommand {

    TenantId tenant();

    /** Unwrap the stored L2 via the root key (or create and wrap a new L2 on first link). */
    record Link(TenantId tenant, RootKeyRef rootKey) implements TenantCommand {
        public Link {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(rootKey, "rootKey");
        }
    }

    /** The kill switch: zeroize L2 and every L3 of the tenant before returning. */
    record Unlink(TenantId tenant) implements TenantCommand {
        public Unlink {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** Zeroize and refuse LINK until ENABLE. */
    record Disable(TenantId tenant) implements TenantCommand {
        public Disable {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** Leave DISABLED: unwrap L2 again under the bound root key and become ACTIVE. */
    record Enable(TenantId tenant) implements TenantCommand {
        public Enable {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** Re-wrap the (unchanged) L2 under another root key; L3s are untouched. Requires ACTIVE. */
    record SwitchRootKey(TenantId tenant, RootKeyRef newRootKey) implements TenantCommand {
        public SwitchRootKey {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(newRootKey, "newRootKey");
        }
    }

    /** Re-wrap the (unchanged) L2 under the root key's current version. Requires ACTIVE. */
    record RotateRootKey(TenantId tenant) implements TenantCommand {
        public RotateRootKey {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /**
     * Replace the L2 material itself: a new random L2 wrapped by the root key, and every L3
     * re-wrapped under it as a new revision, all in one atomic write. Requires ACTIVE.
     */
    record RotateTenantKey(TenantId tenant) implements TenantCommand {
        public RotateTenantKey {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** Crypto-shred: zeroize, delete every blob of the tenant, keep a tombstone. Irreversible. */
    record Destroy(TenantId tenant) implements TenantCommand {
        public Destroy {
            Objects.requireNonNull(tenant, "tenant");
        }
    }
}
