package dev.krypton.engine.policy;

import dev.krypton.engine.Operation;
import dev.krypton.engine.Principal;
import dev.krypton.engine.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may do what on which tenant (docs/design.md section 8). Default deny: a principal may perform
 * an operation on a tenant only if a grant says so, or, in upstream mode, if the principal's name
 * equals the tenant id (the principal then owns the tenant and may perform every operation).
 * Independently of grants, {@link #unauthenticatedModes()} says whether tenant keys may be used in
 * the AES modes without integrity (ECB, CBC, CTR; default yes, for KMIP clients that need them; L3
 * KEK versions never can). Immutable; {@link PolicyStore} swaps whole policies on reload.
 */
public final class Policy {

    private final boolean upstream;
    private final boolean unauthenticatedModes;
    private final Map<String, List<Grant>> grants;

    /** A policy that allows the unauthenticated modes. */
    public Policy(boolean upstream, List<Grant> grants) {
        this(upstream, true, grants);
    }

    public Policy(boolean upstream, boolean unauthenticatedModes, List<Grant> grants) {
        this.upstream = upstream;
        this.unauthenticatedModes = unauthenticatedModes;
        this.grants = grants.stream().collect(Collectors.groupingBy(Grant::principal,
                Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
    }

    /** The policy that allows nothing. */
    public static Policy denyAll() {
        return new Policy(false, List.of());
    }

    /** Only the upstream rule: a principal named like a tenant owns it. */
    public static Policy upstreamOnly() {
        return new Policy(true, List.of());
    }

    public boolean upstream() {
        return upstream;
    }

    /** Whether tenant keys may encrypt and decrypt in AES ECB, CBC and CTR (modes without integrity). */
    public boolean unauthenticatedModes() {
        return unauthenticatedModes;
    }

    /** Whether {@code principal} may perform {@code operation} on {@code tenant}. */
    public boolean allows(Principal principal, TenantId tenant, Operation operation) {
        if (upstream && principal.name().equals(tenant.value())) {
            return true;
        }
        for (Grant g : grants.getOrDefault(principal.name(), List.of())) {
            if (g.covers(tenant) && g.operations().contains(operation)) {
                return true;
            }
        }
        return false;
    }

    /** The tenants among {@code known} on which {@code principal} may perform {@code operation}. */
    public Set<TenantId> tenantsFor(Principal principal, Operation operation, Collection<TenantId> known) {
        Set<TenantId> out = new TreeSet<>();
        for (TenantId t : known) {
            if (allows(principal, t, operation)) {
                out.add(t);
            }
        }
        return Set.copyOf(out);
    }

    /** Number of grants, for status reports. */
    public int size() {
        return grants.values().stream().mapToInt(List::size).sum();
    }
}
