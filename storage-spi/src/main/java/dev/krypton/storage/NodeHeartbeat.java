package dev.krypton.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node's latest sign of life.
 *
 * @param nodeId              the node
 * @param lastSeen            when the node last reported (its own clock)
 * @param highestGeneration   the highest tenant generation the node has applied in memory, over all
 *                            tenants (for operators; the exact per-tenant watermark is
 *                            {@link Heartbeats#appliedBy(String)})
 * @param revocationStaleness how long the node serves at most without confirming the store's tenant
 *                            generations; {@link Duration#ZERO} when the node has no such bound
 */
public record NodeHeartbeat(String nodeId, Instant lastSeen, long highestGeneration, Duration revocationStaleness) {

    public NodeHeartbeat {
        Ids.require(nodeId, "Node id");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(revocationStaleness, "revocationStaleness");
        if (highestGeneration < 0) {
            throw StorageException.invalid("A node's highest applied generation cannot be negative.");
        }
        if (revocationStaleness.isNegative()) {
            throw StorageException.invalid("A node's revocation staleness cannot be negative.");
        }
    }
}
