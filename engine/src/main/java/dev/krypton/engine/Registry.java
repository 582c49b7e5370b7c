package dev.krypton.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tenants whose keys are in memory, and one lock per tenant for commands. The hot path reads
 * one concurrent map and one volatile flag: no lock, no I/O.
 */
final class Registry {

    private static final System.Logger LOG = System.getLogger(Registry.class.getName());

    private final Map<TenantId, TenantRuntime> live = new ConcurrentHashMap<>();
    private final Map<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<TenantId> loading = ConcurrentHashMap.newKeySet();
    private final RefusalLog refusals;

    Registry() {
        this(new RefusalLog(LOG, "tenants not yet unsealed", RefusalLog.DEFAULT_INTERVAL, System::nanoTime));
    }

    /** With the log that counts refusals of tenants not yet unsealed (a test's own clock). */
    Registry(RefusalLog refusals) {
        this.refusals = refusals;
    }

    /**
     * The runtime of an ACTIVE tenant; UNAVAILABLE (retryable) for a tenant that storage records
     * as ACTIVE and the start-up unseal has not loaded yet; otherwise PERMISSION_DENIED.
     */
    TenantRuntime active(TenantId tenant) {
        TenantRuntime rt = live.get(tenant);
        if (rt == null || !rt.active()) {
            if (rt == null && loading.contains(tenant)) {
                throw unsealing(tenant);
            }
            throw EngineException.denied("tenant " + tenant + " is not ACTIVE");
        }
        return rt;
    }

    /** Marks tenants the start-up unseal will load; until then they are refused as retryable. */
    void markLoading(Collection<TenantId> tenants) {
        loading.addAll(tenants);
    }

    /**
     * The retryable refusal of a tenant the start-up unseal has yet to load, counted in the
     * rate-limited refusal log.
     */
    EngineException unsealing(TenantId tenant) {
        refusals.refused("tenant " + tenant + " is still being unsealed");
        return new EngineException(ErrorCode.UNAVAILABLE, "tenant " + tenant
                + " is still being unsealed after start-up; retry later");
    }

    /** Whether the start-up unseal has yet to load the tenant. */
    boolean isLoading(TenantId tenant) {
        return loading.contains(tenant) && !isLive(tenant);
    }

    /** The start-up unseal is done with the tenant (loaded, skipped or failed). */
    void doneLoading(TenantId tenant) {
        loading.remove(tenant);
        if (loading.isEmpty()) {
            refusals.ended();
        }
    }

    /** The tenant's runtime in memory now, active or not yet wiped from the map. */
    java.util.Optional<TenantRuntime> current(TenantId tenant) {
        return java.util.Optional.ofNullable(live.get(tenant));
    }

    boolean isLive(TenantId tenant) {
        TenantRuntime rt = live.get(tenant);
        return rt != null && rt.active();
    }

    void put(TenantRuntime rt) {
        live.put(rt.tenant, rt);
    }

    /** Installs a freshly loaded runtime and wipes the one it replaces, if any. */
    void replace(TenantRuntime rt) {
        TenantRuntime old = live.put(rt.tenant, rt);
        if (old != null) {
            old.zeroize();
        }
    }

    /** Removes and zeroizes the tenant's keys (and any start-up loading mark); true if there were any. */
    boolean zeroize(TenantId tenant) {
        loading.remove(tenant);
        TenantRuntime rt = live.remove(tenant);
        if (rt == null) {
            return false;
        }
        rt.zeroize();
        return true;
    }

    /** Zeroizes every tenant (shutdown). */
    void zeroizeAll() {
        live.keySet().forEach(this::zeroize);
    }

    ReentrantLock lock(TenantId tenant) {
        return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
    }
}
