package dev.krypton.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a tenant change reached the other nodes of the cluster ({@link TenantCommands#awaitPropagation}).
 *
 * @param confirmed  true when every live node has applied the change or has passed its staleness
 *                   deadline (so none serves keys the change revoked)
 * @param took       how long the wait took
 * @param waitingFor when not confirmed: the nodes that neither applied the change nor passed their
 *                   deadline in time (or empty when storage could not be read)
 * @param settled    when confirmed: every other node of the heartbeat table and why it no longer
 *                   serves what the change revoked (empty for a single node, or when not confirmed)
 */
public record Propagation(boolean confirmed, Duration took, List<String> waitingFor, Map<String, Settled> settled) {

    /** Why a node no longer holds up the confirmation of a change. */
    public enum Settled {
        /** Its watermark for the tenant reached the change's generation: it applied the change. */
        APPLIED,
        /** Its last confirmation of storage is older than its bound: it looks dead (a wall-clock comparison). */
        SILENT,
        /** Its bound elapsed since the wait began: if it did not apply the change, it refuses every operation. */
        PAST_DEADLINE
    }

    public Propagation {
        Objects.requireNonNull(took, "took");
        waitingFor = List.copyOf(waitingFor);
        settled = Map.copyOf(settled);
    }

    /** A result that does not say how each node settled (tests, or engines without a cluster). */
    public Propagation(boolean confirmed, Duration took, List<String> waitingFor) {
        this(confirmed, took, waitingFor, Map.of());
    }

    /** Nothing to wait for (a single node, or no other node alive). */
    public static Propagation immediate() {
        return new Propagation(true, Duration.ZERO, List.of());
    }
}
