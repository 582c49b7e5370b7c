package dev.krypton.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How this node takes part in a cluster of nodes that share one store
 * (docs/design.md section 5). The proven bound: a node that cannot confirm the current tenant
 * generations from the store for longer than {@code revocationStaleness} refuses every KMIP operation until it can
 * again; so a revocation committed at time t is enforced on every node by t + staleness at the
 * latest, whatever the network does.
 *
 * @param nodeId              this node's id in the heartbeat table, unique in the cluster
 * @param pollInterval        how often the node re-reads every tenant generation from the store
 *                            (the fallback behind the change feed) and, having applied what moved,
 *                            writes its heartbeat (the confirmation); must be shorter than a quarter
 *                            of {@code revocationStaleness} to serve without gaps
 * @param revocationStaleness longest time the node serves without a confirmed read of the store;
 *                            {@link Duration#ZERO} turns the bound off (the node then serves
 *                            through any store outage and unlinks wait only for nodes that apply)
 * @param propagationTimeout  longest time an unlink-class task waits for the other nodes before it
 *                            answers PROCESSING so that Orbital retries
 * @param requestBudget       longest a KMIP request waits for one storage call or for its tenant's
 *                            command lock before it answers the retryable refusal; shorter than
 *                            the staleness (by default half of it, {@link #defaultRequestBudget})
 */
public record ClusterOptions(String nodeId, Duration pollInterval, Duration revocationStaleness,
                             Duration propagationTimeout, Duration requestBudget) {

    /** Longest node id, in characters. */
    public static final int MAX_NODE_ID = 200;

    public ClusterOptions {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > MAX_NODE_ID || nodeId.chars().anyMatch(Character::isISOControl)) {
            throw EngineException.invalid("node id must be 1.." + MAX_NODE_ID + " printable characters");
        }
        positive(pollInterval, "poll interval");
        positive(propagationTimeout, "propagation timeout");
        Objects.requireNonNull(revocationStaleness, "revocationStaleness");
        if (revocationStaleness.isNegative()) {
            throw EngineException.invalid("revocation staleness must not be negative (0 turns the bound off)");
        }
        if (bounded(revocationStaleness) && pollInterval.compareTo(revocationStaleness.dividedBy(4)) >= 0) {
            throw EngineException.invalid("poll interval (" + pollInterval + ") must be shorter than a quarter of the"
                    + " revocation staleness (" + revocationStaleness + "), or the node would stop serving between polls");
        }
        positive(requestBudget, "request budget");
        if (bounded(revocationStaleness) && requestBudget.compareTo(revocationStaleness) >= 0) {
            throw EngineException.invalid("request budget (" + requestBudget + ") must be shorter than the revocation"
                    + " staleness (" + revocationStaleness + "): a request waiting on storage longer would outlive"
                    + " the node's confirmed window");
        }
    }

    /** With the default request budget for the staleness ({@link #defaultRequestBudget}). */
    public ClusterOptions(String nodeId, Duration pollInterval, Duration revocationStaleness, Duration propagationTimeout) {
        this(nodeId, pollInterval, revocationStaleness, propagationTimeout, defaultRequestBudget(revocationStaleness));
    }

    /** Defaults for a node named {@code nodeId}: poll 500 ms, staleness 5 s, propagation 10 s. */
    public static ClusterOptions of(String nodeId) {
        return new ClusterOptions(nodeId, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** Defaults under a random node id (tests, single nodes). */
    public static ClusterOptions defaults() {
        return of("node-" + UUID.randomUUID());
    }

    /** Whether the staleness bound is on. */
    public boolean bounded() {
        return bounded(revocationStaleness);
    }

    /** Longest a poll may take from its start until its heartbeat is written and still confirm the node. */
    public Duration publishBound() {
        return revocationStaleness.dividedBy(4);
    }

    /**
     * The default request budget: half the revocation staleness (a request that passed the serving
     * check just before the window ended is refused well before it could hang for long), or
     * {@value #UNBOUNDED_REQUEST_BUDGET_SECONDS} s with the bound off.
     */
    public static Duration defaultRequestBudget(Duration revocationStaleness) {
        Objects.requireNonNull(revocationStaleness, "revocationStaleness");
        return bounded(revocationStaleness) ? revocationStaleness.dividedBy(2)
                : Duration.ofSeconds(UNBOUNDED_REQUEST_BUDGET_SECONDS);
    }

    /** The request budget, in seconds, of a node with the staleness bound off. */
    public static final int UNBOUNDED_REQUEST_BUDGET_SECONDS = 5;

    public ClusterOptions withNodeId(String id) {
        return new ClusterOptions(id, pollInterval, revocationStaleness, propagationTimeout, requestBudget);
    }

    public ClusterOptions withPollInterval(Duration poll) {
        return new ClusterOptions(nodeId, poll, revocationStaleness, propagationTimeout, requestBudget);
    }

    /** A new staleness, with the default request budget for it. */
    public ClusterOptions withStaleness(Duration staleness) {
        return new ClusterOptions(nodeId, pollInterval, staleness, propagationTimeout);
    }

    public ClusterOptions withPropagationTimeout(Duration timeout) {
        return new ClusterOptions(nodeId, pollInterval, revocationStaleness, timeout, requestBudget);
    }

    public ClusterOptions withRequestBudget(Duration budget) {
        return new ClusterOptions(nodeId, pollInterval, revocationStaleness, propagationTimeout, budget);
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
