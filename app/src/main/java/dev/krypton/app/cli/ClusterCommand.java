package dev.krypton.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.krypton.app.AppException;
import dev.krypton.app.config.ConfigReader;
import dev.krypton.app.config.ServePlan;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code krypton cluster nodes|forget}: the nodes the shared store knows (their heartbeats), and
 * removing one that left the cluster for good, so that unlinks stop waiting for it. Both read the
 * {@code storage} section of a node's configuration file and talk to the store directly; no node
 * needs to run.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "The nodes sharing this store: list them, forget one that is gone for good.")
public final class ClusterCommand {

    /** How long an unbounded node (revocation-staleness 0) must have been silent before it may be forgotten. */
    static final Duration UNBOUNDED_SILENCE = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    private final Clock clock;

    public ClusterCommand() {
        this(Clock.systemUTC());
    }

    ClusterCommand(Clock clock) {
        this.clock = clock;
    }

    @Command(name = "nodes", mixinStandardHelpOptions = true,
            description = "List every node's last heartbeat: when it last confirmed the store, its staleness bound,"
                    + " the highest tenant generation it applied, and whether it looks alive.")
    int nodes(@Option(names = "--config", required = true, paramLabel = "FILE",
                      description = "A node's YAML configuration (only its storage section is used).") Path config,
              @Option(names = "--json", description = "Print one JSON document instead of plain text.") boolean json) {
        List<NodeHeartbeat> beats = withStore(config, s -> s.heartbeats().list());
        Instant now = clock.instant();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JSON.createArrayNode();
            for (NodeHeartbeat h : beats) {
                ObjectNode n = list.addObject();
                n.put("nodeId", h.nodeId());
                n.put("lastSeen", h.lastSeen().toString());
                n.put("ageMs", Duration.between(h.lastSeen(), now).toMillis());
                n.put("revocationStalenessMs", h.revocationStaleness().toMillis());
                n.put("highestGeneration", h.highestGeneration());
                n.put("alive", alive(h, now));
            }
            out.println(list.toPrettyString());
        } else if (beats.isEmpty()) {
            out.println("no node has written a heartbeat to this store");
        } else {
            out.printf(Locale.ROOT, "%-32s %-24s %10s %12s %10s %s%n", "NODE", "LAST SEEN", "AGE", "STALENESS", "HIGHEST",
                    "STATE");
            for (NodeHeartbeat h : beats) {
                out.printf(Locale.ROOT, "%-32s %-24s %10s %12s %10d %s%n", h.nodeId(), h.lastSeen(),
                        human(Duration.between(h.lastSeen(), now)),
                        h.revocationStaleness().isZero() ? "unbounded" : human(h.revocationStaleness()),
                        h.highestGeneration(), alive(h, now) ? "alive" : "silent");
            }
        }
        return 0;
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Remove a node that left the cluster for good (its heartbeat and applied watermarks), so"
                    + " unlinks stop waiting for it. Refused while the node still looks alive, unless --force.")
    int forget(@Parameters(paramLabel = "NODE_ID", description = "The node id, as `krypton cluster nodes` lists it.") String nodeId,
               @Option(names = "--config", required = true, paramLabel = "FILE",
                       description = "A node's YAML configuration (only its storage section is used).") Path config,
               @Option(names = "--force", description = "Forget the node even if it looks alive (it reappears with"
                       + " its next heartbeat if it runs).") boolean force) {
        PrintWriter out = spec.commandLine().getOut();
        boolean forgot = withStore(config, s -> {
            Optional<NodeHeartbeat> beat = s.heartbeats().list().stream().filter(h -> h.nodeId().equals(nodeId)).findFirst();
            if (beat.isEmpty()) {
                throw AppException.failure("no node " + nodeId + " in this store (see `krypton cluster nodes`)");
            }
            Instant now = clock.instant();
            if (alive(beat.get(), now) && !force) {
                throw AppException.usage("node " + nodeId + " confirmed the store " + human(Duration.between(beat.get().lastSeen(), now))
                        + " ago and looks alive; stop it first, or use --force");
            }
            return s.heartbeats().forget(nodeId);
        });
        out.println(forgot ? "forgot node " + nodeId + ": unlinks no longer wait for it" : "node " + nodeId + " was already gone");
        return 0;
    }

    /**
     * Whether the node confirmed the store recently enough to be serving: within its own staleness
     * bound, or, for a node without one, within {@link #UNBOUNDED_SILENCE}.
     */
    static boolean alive(NodeHeartbeat h, Instant now) {
        Duration silence = h.revocationStaleness().isZero() ? UNBOUNDED_SILENCE : h.revocationStaleness();
        return Duration.between(h.lastSeen(), now).compareTo(silence) < 0;
    }

    private static String human(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms < 10_000 ? ms + " ms" : ms < 600_000 ? ms / 1000 + " s" : d.toMinutes() + " min";
    }

    private static <T> T withStore(Path config, Function<Storage, T> work) {
        try (Storage s = StorageProviders.open(ServePlan.storage(ConfigReader.read(config, System.getenv())))) {
            return work.apply(s);
        } catch (StorageException e) {
            throw e.kind() == StorageException.Kind.CONFIG || e.kind() == StorageException.Kind.INVALID
                    ? AppException.usage("storage: " + e.getMessage())
                    : AppException.failure("storage: " + e.getMessage(), e);
        }
    }
}
