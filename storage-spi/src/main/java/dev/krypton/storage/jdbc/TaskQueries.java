package dev.krypton.storage.jdbc;

import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ProcessedTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/** SQL for the processed-task log and the heartbeats. */
final class TaskQueries {

    private TaskQueries() {
    }

    static Optional<ProcessedTask> get(Connection c, String taskId, String etag) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.TASK_COLUMNS + " FROM tasks WHERE task_id=? AND etag=?")) {
            s.setString(1, taskId);
            s.setString(2, etag);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Rows.task(r)) : Optional.empty();
            }
        }
    }

    static Void beat(Connection c, NodeHeartbeat h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO heartbeats (" + Rows.HEARTBEAT_COLUMNS
                + ") VALUES (?,?,?,?,?) ON CONFLICT (node_id) DO UPDATE SET last_seen_s = excluded.last_seen_s, "
                + "last_seen_n = excluded.last_seen_n, highest_generation = excluded.highest_generation, "
                + "staleness_ms = excluded.staleness_ms")) {
            s.setString(1, h.nodeId());
            s.setLong(2, h.lastSeen().getEpochSecond());
            s.setInt(3, h.lastSeen().getNano());
            s.setLong(4, h.highestGeneration());
            s.setLong(5, h.revocationStaleness().toMillis());
            s.executeUpdate();
        }
        return null;
    }

    /** Raises the node's applied watermarks; a lower generation than the stored one leaves it alone. */
    static Void applied(Connection c, String nodeId, Map<String, Long> generations) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO applied_generations (node_id, tenant_id, generation) "
                + "VALUES (?,?,?) ON CONFLICT (node_id, tenant_id) DO UPDATE SET generation = excluded.generation "
                + "WHERE excluded.generation > applied_generations.generation")) {
            for (Map.Entry<String, Long> e : new TreeMap<>(generations).entrySet()) {
                s.setString(1, nodeId);
                s.setString(2, e.getKey());
                s.setLong(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
        return null;
    }

    static Map<String, Long> appliedBy(Connection c, String tenantId) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT node_id, generation FROM applied_generations WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return out;
    }

    /** Deletes the node's watermarks and heartbeat; true if there was a heartbeat. */
    static boolean forget(Connection c, String nodeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM applied_generations WHERE node_id = ?")) {
            s.setString(1, nodeId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM heartbeats WHERE node_id = ?")) {
            s.setString(1, nodeId);
            return s.executeUpdate() > 0;
        }
    }

    static List<NodeHeartbeat> heartbeats(Connection c) throws SQLException {
        List<NodeHeartbeat> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.HEARTBEAT_COLUMNS + " FROM heartbeats ORDER BY node_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(Rows.heartbeat(r));
            }
        }
        return out;
    }
}
