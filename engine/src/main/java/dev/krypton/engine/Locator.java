package dev.krypton.engine;

import dev.krypton.engine.policy.Policy;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.TenantRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finding objects and their attributes (KMIP 1.4 sections 4.9 Locate and 4.12 Get Attributes).
 * Only ACTIVE tenants are searched; results come in uid order and are cut at {@code maxItems}.
 */
final class Locator {

    private final Store store;
    private final Registry registry;
    private final AttributeMemo memo;

    Locator(Store store, Registry registry, AttributeMemo memo) {
        this.store = store;
        this.registry = registry;
        this.memo = memo;
    }

    /** Every tenant that is not destroyed. */
    Set<TenantId> tenantIds() {
        Set<TenantId> out = new TreeSet<>();
        for (TenantRecord r : store.tenants()) {
            if (r.state() != dev.krypton.storage.TenantState.DESTROYED) {
                out.add(TenantId.of(r.tenantId()));
            }
        }
        return out;
    }

    /** The tenants a principal may use at all (any operation). */
    Set<TenantId> known(Principal principal, Policy policy) {
        Set<TenantId> out = new TreeSet<>();
        Set<TenantId> all = tenantIds();
        for (Operation op : Operation.values()) {
            out.addAll(policy.tenantsFor(principal, op, all));
        }
        return out;
    }

    ManagedObject attributes(ObjectRef ref) {
        TenantRuntime rt = registry.active(ref.tenant());
        if (ref instanceof ObjectRef.Kek k && rt.keks.get(k.uid()) instanceof LiveKek live) {
            return live.view();
        }
        ManagedObjectRecord r = store.object(ref.uid()).filter(x -> x.tenantId().equals(ref.tenant().value()))
                .orElseThrow(() -> EngineException.notFound("no object " + ref.uid()));
        return TenantObjects.view(ref, r, memo.decode(r.attributes()));
    }

    /**
     * The matching objects of the live tenants among {@code tenants}; UNAVAILABLE (retryable) if
     * one of them is still being unsealed after start-up, since its objects would be missing.
     */
    List<String> locate(Set<TenantId> tenants, LocateQuery q) {
        List<String> out = new ArrayList<>();
        for (TenantId t : new TreeSet<>(tenants)) {
            if (!registry.isLive(t)) {
                if (registry.isLoading(t)) {
                    throw registry.unsealing(t);
                }
                continue;
            }
            ObjectQuery query = ObjectQuery.tenant(t.value());
            if (!q.name().isEmpty()) {
                query = query.withName(q.name());
            }
            for (ManagedObjectRecord r : store.objects(query)) {
                ManagedObject view = TenantObjects.view(ObjectRef.parse(r.uid()), r);
                if (matches(q, view)) {
                    out.add(r.uid());
                    if (out.size() >= q.maxItems()) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(LocateQuery q, ManagedObject o) {
        return (q.types().isEmpty() || q.types().contains(o.attributes().type()))
                && (q.states().isEmpty() || q.states().contains(o.attributes().state()))
                && (q.kinds().isEmpty() || q.kinds().contains(o.kind()));
    }
}
