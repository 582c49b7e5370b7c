package dev.krypton.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How this node takes part in a cluster of nodes that share one store (DESIGN.md section 5,
 * issue 10). The proven bound: a node that cannot confirm the current tenant generations from the
 * store for longer than {@code revocationStaleness} refuses every KMIP operation until it can
 * again; so a revocation committed at time t is enforced on every node by t + staleness at the
 * latest, whatever the network does.
 *
 * @param nodeId              this node's id in the heartbeat table, unique in the cluster
 * @param pollInterval        how often the node re-reads every tenant generation from the store
 *                            (the fallback behind the change feed, and the confirmation); must be
 *                            shorter than {@code revocationStaleness} to serve without gaps
 * @param heartbeatInterval   how often the node writes its heartbeat
 * @param revocationStaleness longest time the node serves without a confirmed read of the store;
 *                            {@link Duration#ZERO} turns the bound off (the node then serves
 *                            through any store outage and unlinks wait only for nodes that apply)
 * @param propagationTimeout  longest time an unlink-class task waits for the other nodes before it
 *                            answers PROCESSING so that Orbital retries
 */
public record ClusterOptions(String nodeId, Duration pollInterval, Duration heartbeatInterval,
                             Duration revocationStaleness, Duration propagationTimeout) {

    /** Longest node id, in characters. */
    public static final int MAX_NODE_ID = 200;

    public ClusterOptions {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > MAX_NODE_ID || nodeId.chars().anyMatch(Character::isISOControl)) {
            throw EngineException.invalid("node id must be 1.." + MAX_NODE_ID + " printable characters");
        }
        positive(pollInterval, "poll interval");
        positive(heartbeatInterval, "heartbeat interval");
        positive(propagationTimeout, "propagation timeout");
        Objects.requireNonNull(revocationStaleness, "revocationStaleness");
        if (revocationStaleness.isNegative()) {
            throw EngineException.invalid("revocation staleness must not be negative (0 turns the bound off)");
        }
        if (bounded(revocationStaleness) && pollInterval.compareTo(revocationStaleness) >= 0) {
            throw EngineException.invalid("poll interval (" + pollInterval + ") must be shorter than the revocation"
                    + " staleness (" + revocationStaleness + "), or the node would stop serving between polls");
        }
        if (bounded(revocationStaleness) && heartbeatInterval.compareTo(revocationStaleness) >= 0) {
            throw EngineException.invalid("heartbeat interval (" + heartbeatInterval + ") must be shorter than the"
                    + " revocation staleness (" + revocationStaleness + "), or other nodes would take this one for dead");
        }
    }

    /** Defaults for a node named {@code nodeId}: poll 1 s, heartbeat 1 s, staleness 5 s, propagation 10 s. */
    public static ClusterOptions of(String nodeId) {
        return new ClusterOptions(nodeId, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    /** Defaults under a random node id (tests, single nodes). */
    public static ClusterOptions defaults() {
        return of("node-" + UUID.randomUUID());
    }

    /** Whether the staleness bound is on. */
    public boolean bounded() {
        return bounded(revocationStaleness);
    }

    public ClusterOptions withIntervals(Duration poll, Duration heartbeat) {
        return new ClusterOptions(nodeId, poll, heartbeat, revocationStaleness, propagationTimeout);
    }

    public ClusterOptions withStaleness(Duration staleness) {
        return new ClusterOptions(nodeId, pollInterval, heartbeatInterval, staleness, propagationTimeout);
    }

    public ClusterOptions withPropagationTimeout(Duration timeout) {
        return new ClusterOptions(nodeId, pollInterval, heartbeatInterval, revocationStaleness, timeout);
    }

    private static boolean bounded(Duration staleness) {
        return !staleness.isZero();
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw EngineException.invalid(what + " must be positive");
        }
    }
}
