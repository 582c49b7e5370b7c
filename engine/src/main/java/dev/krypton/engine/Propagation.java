package dev.krypton.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a tenant change reached the other nodes of the cluster ({@link TenantCommands#awaitPropagation}).
 *
 * @param confirmed  true when every live node has applied the change or has passed its staleness
 *                   deadline (so none serves keys the change revoked)
 * @param took       how long the wait took
 * @param waitingFor when not confirmed: the nodes that neither applied the change nor passed their
 *                   deadline in time (or empty when storage could not be read)
 */
public record Propagation(boolean confirmed, Duration took, List<String> waitingFor) {

    public Propagation {
        Objects.requireNonNull(took, "took");
        waitingFor = List.copyOf(waitingFor);
    }

    /** Nothing to wait for (a single node, or no other node alive). */
    public static Propagation immediate() {
        return new Propagation(true, Duration.ZERO, List.of());
    }
}
