package dev.krypton.engine;

import java.util.Optional;

/**
 * The tenant state machine of docs/design.md section 3 as a pure function: what a command does in a
 * given state. {@link Lifecycle} carries out the answer; the table in {@code package-info} is
 * this function written out.
 */
sealed interface Transition {

    /** Already in the asked-for state: nothing to do. */
    record NoOp() implements Transition {
    }

    /** Not allowed here; nothing is changed. */
    record Reject(ErrorCode code, String reason) implements Transition {
    }

    /** First link: generate L2, wrap it under the root key, store, ACTIVE. */
    record CreateL2() implements Transition {
    }

    /** Unwrap the stored L2 and the L3s: ACTIVE. */
    record Load() implements Transition {
    }

    /** Wipe every key in memory, then store {@code target}. */
    record Zeroize(TenantState target) implements Transition {
    }

    /** Re-wrap the L2 in memory under {@code rootKey} (switch) or the current version (rotate). */
    record RewrapL2(RootKeyRef rootKey) implements Transition {
    }

    /** New L2 material, every L3 re-wrapped as a new revision, one atomic write. */
    record NewL2() implements Transition {
    }

    /** Wipe, delete every blob, store the DESTROYED tombstone. */
    record Shred() implements Transition {
    }

    /**
     * Decides what {@code command} does to a tenant in {@code state} (empty: never seen) bound to
     * {@code bound} (empty: no root key yet).
     */
    static Transition of(TenantCommand command, Optional<TenantState> state, Optional<RootKeyRef> bound) {
        if (state.isEmpty()) {
            return command instanceof TenantCommand.Link
                    ? new CreateL2()
                    : new Reject(ErrorCode.NOT_FOUND, "tenant " + command.tenant() + " is unknown");
        }
        TenantState s = state.get();
        if (s == TenantState.DESTROYED) {
            return command instanceof TenantCommand.Destroy || command instanceof TenantCommand.Unlink
                    ? new NoOp()
                    : illegal(command, s, "the tenant is destroyed (irreversible)");
        }
        return switch (command) {
            case TenantCommand.Link link -> link(link, s, bound);
            case TenantCommand.Unlink u -> s == TenantState.ACTIVE || s == TenantState.ROOT_REVOKED
                    ? new Zeroize(TenantState.UNLINKED) : new NoOp();
            case TenantCommand.Disable d -> s == TenantState.DISABLED ? new NoOp() : new Zeroize(TenantState.DISABLED);
            case TenantCommand.Enable e -> switch (s) {
                case DISABLED -> new Load();
                case ACTIVE -> new NoOp();
                case UNLINKED, ROOT_REVOKED, DESTROYED -> illegal(command, s, "only a DISABLED tenant can be enabled; link it instead");
            };
            case TenantCommand.SwitchRootKey sw -> s != TenantState.ACTIVE
                    ? illegal(command, s, "switching the root key needs the L2 in memory (ACTIVE)")
                    : bound.map(b -> sameKey(b, sw.newRootKey())).orElse(false) ? new NoOp() : new RewrapL2(sw.newRootKey());
            case TenantCommand.RotateRootKey r -> s != TenantState.ACTIVE
                    ? illegal(command, s, "rotation needs the L2 in memory (ACTIVE)")
                    : new RewrapL2(bound.orElseThrow());
            case TenantCommand.RotateTenantKey r -> s != TenantState.ACTIVE
                    ? illegal(command, s, "rotating the tenant key needs the L2 in memory (ACTIVE)")
                    : new NewL2();
            case TenantCommand.Destroy d -> new Shred();
        };
    }

    private static Transition link(TenantCommand.Link link, TenantState s, Optional<RootKeyRef> bound) {
        if (bound.isPresent() && !sameKey(bound.get(), link.rootKey())) {
            return new Reject(ErrorCode.INVALID_ARGUMENT, "tenant " + link.tenant() + " is bound to root key "
                    + bound.get().provider() + "/" + bound.get().keyId() + "; use SwitchRootKey to change it");
        }
        return switch (s) {
            case UNLINKED, ROOT_REVOKED -> new Load();
            case ACTIVE -> new NoOp();
            case DISABLED -> illegal(link, s, "a DISABLED tenant must be enabled before it can be linked");
            case DESTROYED -> illegal(link, s, "the tenant is destroyed (irreversible)");
        };
    }

    /** Same provider and key id: metadata may differ (for example refreshed role ARNs). */
    static boolean sameKey(RootKeyRef a, RootKeyRef b) {
        return a.provider().equals(b.provider()) && a.keyId().equals(b.keyId());
    }

    private static Reject illegal(TenantCommand command, TenantState s, String why) {
        return new Reject(ErrorCode.ILLEGAL_STATE, command.getClass().getSimpleName() + " refused for tenant "
                + command.tenant() + " in state " + s + ": " + why);
    }
}
