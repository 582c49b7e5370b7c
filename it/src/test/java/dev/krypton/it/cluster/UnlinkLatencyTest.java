package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Orbital view of the kill switch on real {@code krypton serve} nodes (PostgreSQL, RabbitMQ
 * over AMQP 1.0): publish of SYSTEM_UNLINK on the critical address to the arrival of its DONE.
 * <ul>
 *   <li>First after start: three nodes, {@code krypton.it.firstUnlinks} tenants (default 10)
 *   linked, every node restarted (the tenants come back by the start-up re-unseal, so no node has
 *   run a task since its start), then the tenants unlinked one by one; the first unlink against the
 *   later ones.</li>
 *   <li>Behind a backlog: three nodes, {@code krypton.it.backlog} SYSTEM_LINK tasks (default
 *   10,000, of as many tenants) published on the task address, then one SYSTEM_UNLINK on the
 *   critical address; how long its DONE took and how many link answers arrived in the meantime.</li>
 * </ul>
 * Both must end DONE; the figures go to {@code target/unlink-latency.md}; no timing is asserted.
 */
@Tag("cluster")
class UnlinkLatencyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FIRST_UNLINKS = Integer.getInteger("krypton.it.firstUnlinks", 10);
    private static final int BACKLOG = Integer.getInteger("krypton.it.backlog", 10_000);

    @Test
    void firstUnlinkAfterStart(@TempDir Path dir) throws Exception {
        String run = "first-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(3).start(); OrbitalBus orbital = cluster.orbital()) {
            List<String> tenants = new ArrayList<>();
            for (int i = 0; i < FIRST_UNLINKS; i++) {
                String tenant = run + "-" + i;
                TaskRequest link = ClusterTasks.link(tenant, run + "-root");
                orbital.publish(link);
                assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
                tenants.add(tenant);
            }
            for (NodeProcess n : cluster.nodes()) {
                n.stop(WAIT);
            }
            cluster.startAll(cluster.nodes());
            double[] took = new double[tenants.size()];
            String[] propagation = new String[tenants.size()];
            Instant[] publishedAt = new Instant[tenants.size()];
            for (int i = 0; i < tenants.size(); i++) {
                TaskRequest unlink = ClusterTasks.unlink(tenants.get(i));
                publishedAt[i] = Instant.now();
                long published = System.nanoTime();
                orbital.publishCritical(unlink);
                OrbitalBus.Received done = orbital.awaitFinal(unlink, WAIT);
                assertThat(done.response().getStatus()).isEqualTo(TaskStatus.DONE);
                took[i] = (done.atNanos() - published) / 1e6;
                propagation[i] = done.response().getMetaDataOrDefault("krypton-propagation-ms", "?");
            }
            double[] later = java.util.Arrays.copyOfRange(took, 1, took.length);
            report("First SYSTEM_UNLINK after start (3 nodes)", String.format(Locale.ROOT, """
                    %d tenants linked, every node restarted, then the tenants unlinked one by one (critical address).
                    Publish to DONE (ms): first %.1f; later ones min %.1f, p50 %.1f, max %.1f.
                    All, in order: %s
                    krypton-propagation-ms of each: %s
                    From the audit logs, publish to the processing node's wipe and to its durable command line (ms): %s
                    """, tenants.size(), took[0], Stats.of(later).min(), Stats.of(later).percentile(50), Stats.of(later).max(),
                    java.util.Arrays.stream(took).mapToObj(t -> String.format(Locale.ROOT, "%.1f", t)).toList(),
                    List.of(propagation), steps(cluster, tenants, publishedAt)));
        }
    }

    @Test
    void unlinkBehindALinkBacklog(@TempDir Path dir) throws Exception {
        String run = "backlog-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(3).start(); OrbitalBus orbital = cluster.orbital()) {
            String victim = run + "-victim";
            TaskRequest link = ClusterTasks.link(victim, run + "-root");
            orbital.publish(link);
            assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
            TaskRequest warm = ClusterTasks.unlink(run + "-warm");
            orbital.publishCritical(warm);
            orbital.awaitFinal(warm, WAIT);

            long publishing = System.nanoTime();
            for (int i = 0; i < BACKLOG; i++) {
                orbital.publishUnsettled(ClusterTasks.link(run + "-" + i, run + "-root"));
            }
            orbital.awaitPublished();
            double publishMs = (System.nanoTime() - publishing) / 1e6;
            int answeredBefore = orbital.received().size();
            TaskRequest unlink = ClusterTasks.unlink(victim);
            Instant publishedAt = Instant.now();
            long published = System.nanoTime();
            orbital.publishCritical(unlink);
            OrbitalBus.Received done = orbital.awaitFinal(unlink, WAIT);
            assertThat(done.response().getStatus()).isEqualTo(TaskStatus.DONE);
            List<OrbitalBus.Received> all = orbital.received();
            int ahead = 0;
            int after = 0;
            for (int i = answeredBefore; i < all.size(); i++) {
                OrbitalBus.Received r = all.get(i);
                if (r.atNanos() < done.atNanos()) {
                    ahead++;
                } else {
                    after++;
                }
            }
            List<AuditTimeline.Wipe> wipes = AuditTimeline.wipes(cluster, victim);
            report("SYSTEM_UNLINK behind " + BACKLOG + " SYSTEM_LINK tasks (3 nodes)", String.format(Locale.ROOT, """
                    Published %d links in %.0f ms (%d answers had arrived by then), then the unlink (critical address) at %s.
                    Publish to DONE: %.1f ms; krypton-propagation-ms %s; DONE on the %s address.
                    Answers that arrived between the unlink's publish and its DONE: %d (and %d in the moment we looked after it).
                    Wipes of the victim (audit): %s
                    """, BACKLOG, publishMs, answeredBefore, publishedAt, (done.atNanos() - published) / 1e6,
                    done.response().getMetaDataOrDefault("krypton-propagation-ms", "?"), done.address(), ahead, after, wipes));
        }
    }

    /** Per unlink, from the audit log of the node that ran it: "node: publish to wipe / publish to the command's line". */
    private static List<String> steps(Cluster cluster, List<String> tenants, Instant[] publishedAt) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            String step = "?";
            for (NodeProcess n : cluster.nodes()) {
                Instant wipe = null;
                Instant command = null;
                for (String line : Files.readAllLines(n.dir().resolve("audit.log"))) {
                    if (!line.contains(tenants.get(i))) {
                        continue;
                    }
                    var e = json.readTree(line);
                    if (!e.path("tenant").asText().equals(tenants.get(i))) {
                        continue;
                    }
                    Instant at = Instant.parse(e.path("ts").asText());
                    if (at.isBefore(publishedAt[i])) {
                        continue;
                    }
                    if (e.path("action").asText().equals("zeroize") && wipe == null) {
                        wipe = at;
                    } else if (e.path("action").asText().equals("Unlink")) {
                        command = at;
                    }
                }
                if (command != null) {
                    step = String.format(Locale.ROOT, "%s: %.0f / %.0f", n.name(),
                            wipe == null ? -1 : Duration.between(publishedAt[i], wipe).toNanos() / 1e6,
                            Duration.between(publishedAt[i], command).toNanos() / 1e6);
                }
            }
            out.add(step);
        }
        return out;
    }

    private static void report(String title, String body) throws Exception {
        String text = "## " + title + "\n\n" + Instant.now() + ", load average " + Stats.loadAverage() + ".\n" + body + "\n";
        Path out = Path.of(System.getProperty("user.dir"), "target", "unlink-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println(text);
    }
}
