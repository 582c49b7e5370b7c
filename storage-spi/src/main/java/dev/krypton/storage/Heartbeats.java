package dev.krypton.storage;

import java.util.List;
import java.util.Map;

/**
 * Node heartbeats: which nodes are alive and how far each has applied tenant changes.
 *
 * <p>"Applied" is kept per node and tenant: node N has applied generation g of tenant T once N's
 * memory is no more permissive than T's record at generation g (keys wiped for a tenant that is no
 * longer ACTIVE, or loaded for an ACTIVE one). A node that processed an unlink of T at generation g
 * knows the change has reached every node whose {@link #appliedBy(String)} entry is at least g.
 */
public interface Heartbeats {

    /** Stores the node's heartbeat, replacing its previous one. */
    void beat(NodeHeartbeat heartbeat);

    /** Every node's latest heartbeat, ordered by node id. */
    List<NodeHeartbeat> list();

    /**
     * Records that {@code nodeId} has applied these tenant generations (tenant id to generation),
     * atomically. A watermark never goes down: a lower generation than the one stored is ignored.
     */
    void applied(String nodeId, Map<String, Long> generations);

    /** The generation of {@code tenantId} each node has applied, by node id (nodes that never reported it are absent). */
    Map<String, Long> appliedBy(String tenantId);

    /**
     * Removes a node that left the cluster for good: its heartbeat and its applied watermarks, in
     * one transaction. A node that is still running writes them again with its next poll.
     *
     * @return whether the store held a heartbeat of {@code nodeId}
     */
    boolean forget(String nodeId);
}
