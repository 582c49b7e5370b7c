package dev.krypton.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The serving check at both ends of a KMIP operation. A request may pass the check at its start and
 * then wait (on storage, the tenant's lock, the scheduler, a collection pause) past the moment its
 * node stopped being allowed to answer: the node's confirmed window ended, or the tenant was
 * unlinked (its runtime wiped) or unlinked and linked again (a new runtime). {@link #take} checks the
 * window and notes the tenant's runtime; {@link #release}, when the answer is ready and before it
 * leaves the engine, checks that the node is still within its window and that the tenant's runtime
 * is still the one noted and still active. Otherwise the answer is wiped (plaintext, key material)
 * and the caller gets a refusal: PERMISSION_DENIED if the tenant has no keys in memory any more
 * (what a new request would be told), else the retryable refusal (UNAVAILABLE), and a retry sees
 * the tenant as it is.
 *
 * <p>This is what lets another node count a node that has been silent since before a commit as done
 * with the change once that node's window has passed: whatever it still had in flight can no longer
 * come out (docs/operations.md, "The revocation bound").
 */
final class Leases {

    /** What an operation started with: its tenant and the tenant's runtime at that moment (if loaded). */
    record Lease(TenantId tenant, Optional<TenantRuntime> runtime) {
    }

    private final Registry registry;
    private final ClusterNode cluster;

    Leases(Registry registry, ClusterNode cluster) {
        this.registry = registry;
        this.cluster = cluster;
    }

    /** Refuses (retryable) outside the node's confirmed window; otherwise notes the tenant's runtime. */
    Lease take(TenantId tenant) {
        cluster.checkServing();
        return new Lease(tenant, registry.current(tenant));
    }

    /** Refuses (retryable) outside the node's confirmed window, without noting a tenant. */
    void check() {
        cluster.checkServing();
    }

    /**
     * {@code result} if the node may still answer for the lease's tenant; otherwise wipes it and
     * throws the refusal (see the class comment).
     */
    <T> T release(Lease lease, T result) {
        boolean unchanged = lease.runtime().filter(rt -> rt.active()
                && registry.current(lease.tenant()).filter(now -> now == rt).isPresent()).isPresent();
        if (unchanged && cluster.serving()) {
            return result;
        }
        discard(result);
        if (!unchanged) {
            throw changed(lease.tenant());
        }
        cluster.checkServing();
        throw new EngineException(ErrorCode.UNAVAILABLE, "this node's confirmed window ended while the operation ran; retry");
    }

    /**
     * The error to report for an operation that failed: a key's loan refused because the tenant's
     * runtime was wiped meanwhile shows up as a cryptographic failure, which would mislead the
     * caller; when the lease's runtime is gone, the failure is the refusal of a changed tenant.
     */
    EngineException failed(Lease lease, EngineException e) {
        boolean wiped = lease.runtime().filter(rt -> !rt.active()
                || registry.current(lease.tenant()).filter(now -> now == rt).isEmpty()).isPresent();
        return wiped && e.code() == ErrorCode.CRYPTO ? changed(lease.tenant()) : e;
    }

    /**
     * The refusal of an answer whose tenant changed while it was computed: PERMISSION_DENIED when the
     * tenant has no keys in memory now (unlinked, as a new request would be told), else the
     * retryable refusal (reloaded: a retry runs with the tenant's current keys).
     */
    private EngineException changed(TenantId tenant) {
        if (!registry.isLive(tenant)) {
            return EngineException.denied("tenant " + tenant + " is not ACTIVE");
        }
        return new EngineException(ErrorCode.UNAVAILABLE, "tenant " + tenant + " was reloaded while the operation ran; retry");
    }

    /** Wipes what an answer that may not leave carries: a plaintext or key material. */
    private static void discard(Object result) {
        switch (result) {
            case byte[] bytes -> Arrays.fill(bytes, (byte) 0);
            case KeyMaterial material -> material.wipe();
            case null, default -> {
            }
        }
    }
}
