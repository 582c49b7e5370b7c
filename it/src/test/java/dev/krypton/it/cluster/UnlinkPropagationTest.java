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
 * (default 50). The figures go to {@code target/cluster-unlink.md}; no timing is asserted.
 */
@Tag("cluster")
class UnlinkPropagationTest {

    private static final int TRIALS = Integer.getInteger("krypton.it.unlinkTrials", 50);
    private static final Duration WAIT = Duration.ofSeconds(30);

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
                lastNode.merge(cluster.node(lastIndex).name(), 1, Integer::sum);
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
            report(Stats.of(propagation), Stats.of(answered), lastNode);
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

    private static void report(Stats propagation, Stats answered, TreeMap<String, Integer> lastNode) throws Exception {
        String text = String.format(Locale.ROOT, """
                # Unlink propagation across 3 nodes (UnlinkPropagationTest)

                %s, %d trials. 3 `krypton serve` JVMs on one PostgreSQL database, one AMQP address (RabbitMQ, AMQP 1.0),
                each node polled with KMIP Decrypt (AES-256-GCM) in a tight loop on its own TLS connection.
                Propagation: publish of SYSTEM_UNLINK to the answer of the first refused Decrypt of the last node.
                DONE: publish to the arrival of the DONE response on the response queue.

                | measure | n | min | p50 | p99 | max |
                | --- | --- | --- | --- | --- | --- |
                | propagation to the last node (ms) | %d | %.1f | %.1f | %.1f | %.1f |
                | DONE response (ms) | %d | %.1f | %.1f | %.1f | %.1f |

                Last node to refuse, per node: %s. With %d trials the nearest-rank p99 is the %s value.
                Goal p99 < 100 ms (not asserted).
                """, Instant.now(), propagation.count(),
                propagation.count(), propagation.min(), propagation.percentile(50), propagation.percentile(99), propagation.max(),
                answered.count(), answered.min(), answered.percentile(50), answered.percentile(99), answered.max(),
                lastNode, propagation.count(), propagation.count() < 100 ? "largest" : "99th-ranked");
        Path out = Path.of(System.getProperty("user.dir"), "target", "cluster-unlink.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }
}
