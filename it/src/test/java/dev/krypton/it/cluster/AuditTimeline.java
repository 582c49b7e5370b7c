package dev.krypton.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ZEROIZE events of one tenant in the nodes' audit logs (wall-clock times, same machine), to
 * split a measured unlink into the processing node's wipe and the other nodes' wipes.
 */
public final class AuditTimeline {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One wipe: which node, when, and whether it was the node that ran the command ({@code zeroize}) or a follower ({@code sync}). */
    public record Wipe(String node, Instant at, String action) {}

    private AuditTimeline() {
    }

    /** Every wipe of {@code tenant} recorded by the cluster's nodes, in time order. */
    public static List<Wipe> wipes(Cluster cluster, String tenant) throws IOException {
        List<Wipe> out = new ArrayList<>();
        for (NodeProcess n : cluster.nodes()) {
            Path log = n.dir().resolve("audit.log");
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log)) {
                if (!line.contains("\"ZEROIZE\"") || !line.contains(tenant)) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                if (e.path("kind").asText().equals("ZEROIZE") && e.path("tenant").asText().equals(tenant)) {
                    out.add(new Wipe(n.name(), Instant.parse(e.path("ts").asText()), e.path("action").asText()));
                }
            }
        }
        out.sort((x, y) -> x.at().compareTo(y.at()));
        return out;
    }
}
