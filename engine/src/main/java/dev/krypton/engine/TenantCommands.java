package dev.krypton.engine;

import java.util.List;
import java.util.Optional;

/**
 * The northbound face of the engine, used by the Orbital intake. Commands on one tenant are
 * serialized; commands on different tenants run in parallel. A command returns only after its
 * effect is stored and, for commands that zeroize, after every key of the tenant is wiped.
 */
public interface TenantCommands {

    /**
     * Runs one command.
     *
     * @throws EngineException NOT_FOUND (unknown tenant, except for a first Link), ILLEGAL_STATE
     *     (not allowed in the current state; nothing changed), INVALID_ARGUMENT, ROOT_KEY_DENIED,
     *     ROOT_KEY_UNAVAILABLE or UNAVAILABLE (retryable), INTERNAL
     */
    CommandResult execute(TenantCommand command);

    /** The tenant's current status, or empty when the engine has never seen it. */
    Optional<TenantStatus> status(TenantId tenant);

    /** Every known tenant, in id order. */
    List<TenantStatus> tenants();

    /**
     * Waits, within the engine's propagation timeout, until every other live node of the cluster
     * has applied {@code generation} of the tenant or has passed its revocation-staleness deadline.
     * Call it after a command that zeroized, before reporting the command done.
     * Engines without other nodes return at once.
     */
    default Propagation awaitPropagation(TenantId tenant, long generation) {
        return Propagation.immediate();
    }

    /**
     * Runs the storage reads of the kill-switch path once for {@code tenant} and changes nothing
     * (no wipe, no write, no audit line): the record read an unlink starts with, the decision what
     * to do, and one round of the propagation wait's reads (heartbeats and applied generations),
     * so the first real unlink after start finds its classes loaded and its statements used. Safe
     * for any id, since it only reads. Engines without storage do nothing.
     */
    default void warmUp(TenantId tenant) {
    }
}
