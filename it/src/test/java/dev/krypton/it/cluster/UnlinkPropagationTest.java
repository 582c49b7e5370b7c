package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch across a cluster: three {@code krypton serve} processes on one PostgreSQL store
 * and one AMQP task address; a tenant with a KEK whose DEK unwraps on every node; an Orbital
 * SYSTEM_UNLINK published to the critical address. Each node is polled with KMIP Decrypt in a tight
 * loop on its own connection; the trial's propagation time runs from the publish to the answer of
 * the first refused Decrypt of the last node to refuse. Every node must refuse (Permission Denied)
 * and keep refusing; the tenant is re-linked between trials. Trials: {@code -Dkrypton.it.unlinkTrials}
 * (default 200, so that the p99 is not simply the largest value). The figures go to
 * {@code target/cluster-unlink.md}; no timing is asserted.
 */
@Tag("cluster")
class UnlinkPropagationTest {

    private static final int TRIALS = Integer.getInteger("krypton.it.unlinkTrials", 200);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Pause between two Decrypts of one poller, in microseconds; 0 (the default) is a tight loop. */
    private static final long PAUSE_MICROS = Long.getLong("krypton.it.pollPauseMicros", 0);

    /** What one poller saw. */
    private record Refusal(long atNanos, ResultReason reason, int served) {}

    @Test
    void unlinkReachesEveryNodeAndEachFailsClosed(@TempDir Path dir) throws Exception {
        String tenant = "prop-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(3).start(); OrbitalBus orbital = cluster.orbital()) {
            assertThat(orbital.awaitFinal(publish(orbital, ClusterTasks.link(tenant, tenant + "-root")), WAIT)
                    .response().getStatus()).isEqualTo(TaskStatus.DONE);
            List<Gateway> gateways = new ArrayList<>();
            for (int i = 0; i < cluster.nodes().size(); i++) {
                gateways.add(cluster.gateway(i));
            }
            String kek = gateways.getFirst().createKek(tenant, "payments");
            Gateway.WrappedDek dek = gateways.getFirst().wrapNewDek(kek);
            awaitEveryNodeServes(gateways, dek);

            double[] propagation = new double[TRIALS];
            double[] answered = new double[TRIALS];
            Instant[] publishedAt = new Instant[TRIALS];
            String[] lastNodeOf = new String[TRIALS];
            TreeMap<String, Integer> lastNode = new TreeMap<>();
            for (int trial = 0; trial < TRIALS; trial++) {
                List<Refusal> refusals = new ArrayList<>();
                CountDownLatch serving = new CountDownLatch(gateways.size());
                List<Thread> pollers = new ArrayList<>();
                for (Gateway g : gateways) {
                    Refusal[] slot = new Refusal[1];
                    refusals.add(null);
                    int index = pollers.size();
                    pollers.add(Thread.ofPlatform().name("poll-" + index).start(() -> {
                        slot[0] = pollUntilRefused(g, dek, serving);
                        synchronized (refusals) {
                            refusals.set(index, slot[0]);
                        }
                    }));
                }
                assertThat(serving.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every node unwraps before the unlink").isTrue();
                TaskRequest unlink = ClusterTasks.unlink(tenant);
                publishedAt[trial] = Instant.now();
                long published = System.nanoTime();
                orbital.publishCritical(unlink);
                for (Thread t : pollers) {
                    t.join(WAIT.toMillis());
                    assertThat(t.isAlive()).as("a node still unwraps %s after the unlink", WAIT).isFalse();
                }
                long last = 0;
                int lastIndex = 0;
                for (int i = 0; i < refusals.size(); i++) {
                    Refusal r = refusals.get(i);
                    assertThat(r.reason()).as("node %d refuses the unwrap closed", i + 1).isEqualTo(ResultReason.PERMISSION_DENIED);
                    assertThat(r.served()).as("node %d served before the unlink", i + 1).isPositive();
                    if (r.atNanos() > last) {
                        last = r.atNanos();
                        lastIndex = i;
                    }
                }
                propagation[trial] = (last - published) / 1e6;
                lastNodeOf[trial] = cluster.node(lastIndex).name();
                lastNode.merge(lastNodeOf[trial], 1, Integer::sum);
                OrbitalBus.Received done = orbital.awaitFinal(unlink, WAIT);
                assertThat(done.response().getStatus()).isEqualTo(TaskStatus.DONE);
                answered[trial] = (done.atNanos() - published) / 1e6;
                for (int i = 0; i < gateways.size(); i++) {
                    assertThat(refuses(gateways.get(i), dek)).as("node %d keeps refusing", i + 1).isTrue();
                }
                assertThat(cluster.database().tenantState(tenant)).contains("UNLINKED");

                assertThat(orbital.awaitFinal(publish(orbital, ClusterTasks.link(tenant, tenant + "-root")), WAIT)
                        .response().getStatus()).isEqualTo(TaskStatus.DONE);
                awaitEveryNodeServes(gateways, dek);
            }
            gateways.forEach(Gateway::close);
            double[][] parts = breakdown(cluster, tenant, publishedAt);
            double[] gc = new double[TRIALS];
            List<GcPauses.Pause> pauses = GcPauses.of(cluster);
            for (int t = 0; t < TRIALS; t++) {
                gc[t] = GcPauses.longestWithin(pauses, publishedAt[t],
                        publishedAt[t].plusNanos((long) (propagation[t] * 1e6)));
            }
            Path keep = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "cluster-unlink"));
            for (NodeProcess n : cluster.nodes()) {
                for (String f : List.of(n.name() + "-gc.log", "audit.log")) {
                    if (Files.exists(n.dir().resolve(f))) {
                        Files.copy(n.dir().resolve(f), keep.resolve(f.equals("audit.log") ? n.name() + "-audit.log" : f),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.write(keep.resolve("published.txt"), java.util.Arrays.stream(publishedAt).map(Instant::toString).toList());
            String gcSummary = String.format(Locale.ROOT, "%d GC pauses logged by the nodes in the run, longest %.1f ms",
                    pauses.size(), pauses.stream().mapToDouble(GcPauses.Pause::millis).max().orElse(0));
            report(Stats.of(propagation), Stats.of(answered), lastNode, new Stats[] {Stats.of(parts[0]), Stats.of(parts[1])},
                    slowest(propagation, answered, parts, gc, lastNodeOf) + "\n\n" + gcSummary + ".");
        }
    }

    private static TaskRequest publish(OrbitalBus orbital, TaskRequest task) throws Exception {
        orbital.publish(task);
        return task;
    }

    /** Decrypts in a tight loop until the node refuses; counts down {@code serving} after the first success. */
    private static Refusal pollUntilRefused(Gateway g, Gateway.WrappedDek dek, CountDownLatch serving) {
        int served = 0;
        long end = System.nanoTime() + WAIT.toNanos() * 2;
        while (System.nanoTime() < end) {
            try {
                if (!g.unwrapsCorrectly(dek)) {
                    throw new AssertionError("a node returned a wrong DEK");
                }
                if (served++ == 0) {
                    serving.countDown();
                }
                if (PAUSE_MICROS > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_MICROS * 1_000);
                }
            } catch (KmipException e) {
                long at = System.nanoTime();
                return new Refusal(at, e.reason(), served);
            }
        }
        return new Refusal(System.nanoTime(), ResultReason.GENERAL_FAILURE, served);
    }

    private static boolean refuses(Gateway g, Gateway.WrappedDek dek) {
        try {
            g.unwrap(dek);
            return false;
        } catch (KmipException e) {
            return e.reason() == ResultReason.PERMISSION_DENIED;
        }
    }

    private static void awaitEveryNodeServes(List<Gateway> gateways, Gateway.WrappedDek dek) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        for (Gateway g : gateways) {
            while (true) {
                try {
                    if (g.unwrapsCorrectly(dek)) {
                        break;
                    }
                    throw new AssertionError("a node returned a wrong DEK");
                } catch (KmipException e) {
                    if (System.nanoTime() > end) {
                        throw new AssertionError("a node does not serve the re-linked tenant within " + WAIT + ": " + e.getMessage(), e);
                    }
                    Thread.sleep(5);
                }
            }
        }
    }

    /**
     * From the audit logs: per trial, publish to the processing node's wipe (intake) and that wipe to
     * the last follower's wipe (store write, change feed, follower's read).
     */
    private static double[][] breakdown(Cluster cluster, String tenant, Instant[] publishedAt) throws Exception {
        List<AuditTimeline.Wipe> wipes = AuditTimeline.wipes(cluster, tenant);
        double[] intake = new double[publishedAt.length];
        double[] follow = new double[publishedAt.length];
        for (int t = 0; t < publishedAt.length; t++) {
            Instant from = publishedAt[t];
            Instant to = t + 1 < publishedAt.length ? publishedAt[t + 1] : Instant.MAX;
            List<AuditTimeline.Wipe> trial = wipes.stream().filter(w -> !w.at().isBefore(from) && w.at().isBefore(to)).toList();
            Instant own = trial.stream().filter(w -> w.action().equals("zeroize")).map(AuditTimeline.Wipe::at).findFirst()
                    .orElseThrow(() -> new AssertionError("no wipe by the processing node in the audit logs"));
            Instant last = trial.stream().map(AuditTimeline.Wipe::at).max(Instant::compareTo).orElseThrow();
            intake[t] = java.time.Duration.between(from, own).toNanos() / 1e6;
            follow[t] = java.time.Duration.between(own, last).toNanos() / 1e6;
        }
        return new double[][] {intake, follow};
    }

    /** The five slowest trials, each split into its parts and with the nodes' GC pauses, to show where a tail comes from. */
    private static String slowest(double[] propagation, double[] answered, double[][] parts, double[] gc,
                                  String[] lastNodeOf) {
        StringBuilder out = new StringBuilder();
        java.util.stream.IntStream.range(0, propagation.length).boxed()
                .sorted((a, b) -> Double.compare(propagation[b], propagation[a])).limit(5)
                .forEach(t -> out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", t + 1,
                        propagation[t], answered[t], parts[0][t], parts[1][t], gc[t], lastNodeOf[t])));
        return out.toString();
    }

    private static void report(Stats propagation, Stats answered, TreeMap<String, Integer> lastNode, Stats[] parts,
                               String slowest) throws Exception {
        String text = String.format(Locale.ROOT, """
                # Unlink propagation across 3 nodes (UnlinkPropagationTest)

                %s, %d trials. 3 `krypton serve` JVMs on one PostgreSQL database, one AMQP address (RabbitMQ, AMQP 1.0),
                each node polled with KMIP Decrypt (AES-256-GCM) on its own TLS connection, %s.
                Propagation: publish of SYSTEM_UNLINK to the answer of the first refused Decrypt of the last node.
                DONE: publish to the arrival of the DONE response on the response queue.

                | measure | n | min | p50 | p99 | max |
                | --- | --- | --- | --- | --- | --- |
                | propagation to the last node (ms) | %d | %.1f | %.1f | %.1f | %.1f |
                | DONE response (ms) | %d | %.1f | %.1f | %.1f | %.1f |
                | audit: publish to the processing node's wipe (ms) | %d | %.1f | %.1f | %.1f | %.1f |
                | audit: processing node's wipe to the last follower's wipe (ms) | %d | %.1f | %.1f | %.1f | %.1f |

                The audit rows use the wall-clock times the nodes write into their audit logs (same machine clock).
                Last node to refuse, per node: %s. With %d trials the nearest-rank p99 is the %s value.
                Goal p99 < 100 ms (not asserted).

                The slowest trials (ms):

                | trial | propagation | DONE | publish to processing wipe | to last follower wipe | longest GC pause of a node meanwhile | last node |
                | --- | --- | --- | --- | --- | --- | --- |
                %s

                Load average at the end of the run: %s.
                """, Instant.now(), propagation.count(),
                PAUSE_MICROS == 0 ? "in a tight loop" : "pausing " + PAUSE_MICROS + " µs between Decrypts",
                propagation.count(), propagation.min(), propagation.percentile(50), propagation.percentile(99), propagation.max(),
                answered.count(), answered.min(), answered.percentile(50), answered.percentile(99), answered.max(),
                parts[0].count(), parts[0].min(), parts[0].percentile(50), parts[0].percentile(99), parts[0].max(),
                parts[1].count(), parts[1].min(), parts[1].percentile(50), parts[1].percentile(99), parts[1].max(),
                lastNode, propagation.count(), propagation.count() < 100 ? "largest" : "99th-ranked", slowest.strip(),
                Stats.loadAverage());
        Path out = Path.of(System.getProperty("user.dir"), "target", "cluster-unlink.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }
}
