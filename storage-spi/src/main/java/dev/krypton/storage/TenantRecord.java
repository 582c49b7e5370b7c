package dev.krypton.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * The persisted state of one tenant. {@code generation} starts at 1 and grows with every change;
 * writes compare-and-set on it ({@link Write.PutTenant}). A {@link TenantState#DESTROYED} record is
 * a tombstone and carries no wrapped L2.
 *
 * @param tenantId   the tenant, any Unicode id ({@link Ids})
 * @param state      lifecycle state
 * @param generation positive, bumped on each change
 * @param rootKey    the root key (L1) that wraps {@code wrappedL2}, or {@link RootKeyRef#UNSET}
 * @param wrappedL2  L2 wrapped under the root key, opaque; empty before the first link
 * @param region     region the tenant belongs to, empty if not set
 * @param owner      owning organisation or principal, empty if not set
 * @param updatedAt  when the engine made this change
 */
public record TenantRecord(String tenantId, TenantState state, long generation, RootKeyRef rootKey,
                           byte[] wrappedL2, String region, String owner, Instant updatedAt) {

    public TenantRecord {
        Ids.require(tenantId, "Tenant id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rootKey, "rootKey");
        wrappedL2 = Bytes.copy(wrappedL2, "wrappedL2");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (generation < 1) {
            throw StorageException.invalid("Tenant generation must be positive.");
        }
        if (state == TenantState.DESTROYED && wrappedL2.length > 0) {
            throw StorageException.invalid("A destroyed tenant's tombstone must not keep a wrapped L2.");
        }
    }

    /** A copy of the wrapped L2 (empty before the first link). */
    @Override
    public byte[] wrappedL2() {
        return wrappedL2.clone();
    }

    /** Whether an L2 has been created and wrapped. */
    public boolean hasWrappedL2() {
        return wrappedL2.length > 0;
    }

    /** Size of the wrapped L2 without copying it. */
    public int wrappedL2Length() {
        return wrappedL2.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantRecord t && tenantId.equals(t.tenantId) && state == t.state
                && generation == t.generation && rootKey.equals(t.rootKey) && Bytes.equal(wrappedL2, t.wrappedL2)
                && region.equals(t.region) && owner.equals(t.owner) && updatedAt.equals(t.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, state, generation, rootKey, Bytes.hash(wrappedL2), region, owner, updatedAt);
    }

    @Override
    public String toString() {
        return "TenantRecord[tenantId=" + tenantId + ", state=" + state + ", generation=" + generation
                + ", rootKey=" + rootKey + ", wrappedL2=" + Bytes.redacted(wrappedL2) + ", region=" + region
                + ", owner=" + owner + ", updatedAt=" + updatedAt + "]";
    }
}
