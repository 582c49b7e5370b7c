package dev.krypton.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of a tenant right now: the state, the storage {@code generation} (bumped
 * on each change), the bound root key and the root-key version that wrapped the current L2 blob
 * (empty when the provider does not report versions), and the L2 revision (bumped when the L2
 * material itself is replaced).
 */
public record TenantStatus(TenantId tenant, TenantState state, long generation,
                           Optional<RootKeyRef> rootKey, Optional<String> rootKeyVersion, long l2Revision) {

    public TenantStatus {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(rootKeyVersion, "rootKeyVersion");
    }
}
