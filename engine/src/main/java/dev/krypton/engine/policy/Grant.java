package dev.krypton.engine.policy;

import dev.krypton.engine.Operation;
import dev.krypton.engine.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * One policy entry: {@code principal} may perform {@code operations} on {@code tenants};
 * {@code allTenants} stands for the wildcard {@code "*"}.
 */
public record Grant(String principal, Set<TenantId> tenants, boolean allTenants, Set<Operation> operations) {

    public Grant {
        Objects.requireNonNull(principal, "principal");
        tenants = Set.copyOf(tenants);
        operations = Set.copyOf(operations);
    }

    boolean covers(TenantId tenant) {
        return allTenants || tenants.contains(tenant);
    }
}
