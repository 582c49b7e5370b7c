package dev.krypton.storage;

import java.util.List;

/** Node heartbeats: which nodes are alive and how far each has applied tenant changes. */
public interface Heartbeats {

    /** Stores the node's heartbeat, replacing its previous one. */
    void beat(NodeHeartbeat heartbeat);

    /** Every node's latest heartbeat, ordered by node id. */
    List<NodeHeartbeat> list();
}
