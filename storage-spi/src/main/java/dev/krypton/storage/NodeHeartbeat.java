package dev.krypton.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's latest sign of life.
 *
 * @param nodeId            the node
 * @param lastSeen          when the node last reported
 * @param highestGeneration the highest tenant generation the node has applied in memory
 */
public record NodeHeartbeat(String nodeId, Instant lastSeen, long highestGeneration) {

    public NodeHeartbeat {
        Ids.require(nodeId, "Node id");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (highestGeneration < 0) {
            throw StorageException.invalid("A node's highest applied generation cannot be negative.");
        }
    }
}
