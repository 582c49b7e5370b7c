package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.testsupport.TcpRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached autonomy when Orbital is unreachable: three {@code krypton serve} processes,
 * each reaching RabbitMQ through a {@link TcpRelay} of its own. With every relay blackholed for
 * more than twice {@code cluster.revocation-staleness} (the broker silent, no reset), every node
 * keeps unwrapping without a single refusal and stays ready: the staleness bound is about the
 * store, not about Orbital. An unlink published meanwhile waits in the broker; once the relays
 * heal (the connections that lived through the cut are closed, as a broker restart would), the
 * nodes reconnect, the unlink is processed once and every node refuses the tenant. Then every
 * relayed AMQP connection is reset at once (a broker restart): the nodes reconnect and the next task
 * is processed once. Last, the Orbital gRPC peer of one node goes away at once, and that node keeps
 * serving and taking tasks.
 * Figures go to {@code target/orbital-outage.md}; nothing is timed by assertion.
 */
@Tag("cluster")
class OrbitalOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration STALENESS = Duration.ofSeconds(2);
    private static final Duration OUTAGE = STALENESS.multipliedBy(2).plusSeconds(1);

    @Test
    void nodesServeThroughABrokerOutageAndTakeTheQueuedUnlinkAfterwards(@TempDir Path dir) throws Exception {
        String tenant = "outage-" + Long.toHexString(System.nanoTime());
        String other = tenant + "-other";
        try (Cluster cluster = Cluster.in(dir).nodes(3).brokerRelayed()
                .setting("cluster.revocation-staleness", STALENESS.toMillis() + "ms")
                .setting("cluster.poll-interval", "200ms").start();
             OrbitalBus orbital = cluster.orbital()) {
            int nodes = cluster.nodes().size();
            for (String t : List.of(tenant, other)) {
                TaskRequest link = ClusterTasks.link(t, t + "-root");
                orbital.publish(link);
                assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
            }
            Gateway.WrappedDek dek;
            Gateway.WrappedDek otherDek;
            try (Gateway g = cluster.gateway(0)) {
                dek = g.wrapNewDek(g.createKek(tenant, "payments"));
                otherDek = g.wrapNewDek(g.createKek(other, "payments"));
            }
            List<Gateway> gateways = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                gateways.add(cluster.gateway(i));
            }
            for (Gateway g : gateways) {
                awaitServes(g, dek);
            }
            List<Integer> restoredBefore = new ArrayList<>();
            for (NodeProcess n : cluster.nodes()) {
                restoredBefore.add(restored(n));
            }

            for (int i = 0; i < nodes; i++) {
                cluster.brokerRelay(i).cut();
            }
            long cutAt = System.nanoTime();
            int[] served = new int[nodes];
            int refused = 0;
            int notReady = 0;
            while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
                for (int i = 0; i < nodes; i++) {
                    try {
                        assertThat(gateways.get(i).unwrapsCorrectly(dek)).as("node %d returns the right DEK", i + 1).isTrue();
                        served[i]++;
                    } catch (KmipException e) {
                        refused++;
                    }
                    if (!cluster.node(i).ready()) {
                        notReady++;
                    }
                }
                Thread.sleep(20);
            }
            for (int i = 0; i < nodes; i++) {
                assertThat(served[i]).as("node %d unwrapped during the outage", i + 1).isPositive();
            }
            assertThat(refused).as("refusals while only the broker was unreachable").isZero();
            assertThat(notReady).as("/readyz answers other than 200 while only the broker was unreachable").isZero();

            TaskRequest unlink = ClusterTasks.unlink(tenant);
            orbital.publishCritical(unlink);
            Thread.sleep(500);
            assertThat(cluster.database().tenantState(tenant)).as("the unlink waits in the broker").contains("ACTIVE");
            for (Gateway g : gateways) {
                assertThat(g.unwrapsCorrectly(dek)).isTrue();
            }

            for (int i = 0; i < nodes; i++) {
                cluster.brokerRelay(i).heal();
            }
            long healedAt = System.nanoTime();
            double[] reconnectedMs = new double[nodes];
            double[] refusingMs = new double[nodes];
            Arrays.fill(reconnectedMs, -1);
            Arrays.fill(refusingMs, -1);
            long end = healedAt + WAIT.toNanos();
            while (Arrays.stream(reconnectedMs).anyMatch(v -> v < 0) || Arrays.stream(refusingMs).anyMatch(v -> v < 0)) {
                assertThat(System.nanoTime()).as("every node reconnects and refuses the unlinked tenant within %s", WAIT)
                        .isLessThan(end);
                for (int i = 0; i < nodes; i++) {
                    if (reconnectedMs[i] < 0 && restored(cluster.node(i)) > restoredBefore.get(i)) {
                        reconnectedMs[i] = (System.nanoTime() - healedAt) / 1e6;
                    }
                    if (refusingMs[i] < 0 && refuses(gateways.get(i), dek)) {
                        refusingMs[i] = (System.nanoTime() - healedAt) / 1e6;
                    }
                }
                Thread.sleep(5);
            }
            OrbitalBus.Received done = orbital.awaitFinal(unlink, WAIT);
            assertThat(done.response().getStatus()).as(done.response().getErrorMessage()).isEqualTo(TaskStatus.DONE);
            double unlinkDoneMs = (done.atNanos() - healedAt) / 1e6;
            Thread.sleep(1_000);
            assertThat(orbital.responsesTo(unlink)).as("answers to the queued unlink").hasSize(1);
            assertThat(cluster.database().taskLogEntries(unlink.getTaskId())).isEqualTo(1);
            assertThat(cluster.database().tenantState(tenant)).contains("UNLINKED");
            for (int i = 0; i < nodes; i++) {
                assertThat(gateways.get(i).unwrapsCorrectly(otherDek)).as("node %d still serves the other tenant", i + 1)
                        .isTrue();
            }

            double[] resetReconnectedMs = brokerResets(cluster, orbital, gateways, otherDek, other);
            double grpcGoneServeMs = orbitalPeerGone(cluster, orbital, gateways.getFirst(), otherDek, other);
            gateways.forEach(Gateway::close);
            report(served, unlinkDoneMs, refusingMs, reconnectedMs, resetReconnectedMs, grpcGoneServeMs);
        }
    }

    /**
     * Second phase, as a broker restart looks to the nodes: every relayed AMQP connection is closed at
     * once (no blackhole). The nodes keep serving, reconnect, and a task published right after is
     * answered DONE once. Returns, per node, how long after the reset its AMQP connection was restored.
     */
    private static double[] brokerResets(Cluster cluster, OrbitalBus orbital, List<Gateway> gateways,
                                         Gateway.WrappedDek dek, String tenant) throws Exception {
        int nodes = gateways.size();
        List<Integer> before = new ArrayList<>();
        for (NodeProcess n : cluster.nodes()) {
            before.add(restored(n));
        }
        for (int i = 0; i < nodes; i++) {
            cluster.brokerRelay(i).resetAll();
        }
        long resetAt = System.nanoTime();
        for (int i = 0; i < nodes; i++) {
            assertThat(gateways.get(i).unwrapsCorrectly(dek)).as("node %d serves right after the reset", i + 1).isTrue();
        }
        double[] reconnectedMs = new double[nodes];
        Arrays.fill(reconnectedMs, -1);
        long end = resetAt + WAIT.toNanos();
        while (Arrays.stream(reconnectedMs).anyMatch(v -> v < 0)) {
            assertThat(System.nanoTime()).as("every node reconnects after the reset within %s", WAIT).isLessThan(end);
            for (int i = 0; i < nodes; i++) {
                if (reconnectedMs[i] < 0 && restored(cluster.node(i)) > before.get(i)) {
                    reconnectedMs[i] = (System.nanoTime() - resetAt) / 1e6;
                }
            }
            Thread.sleep(5);
        }
        TaskRequest relink = ClusterTasks.link(tenant, tenant + "-root");
        orbital.publish(relink);
        assertThat(orbital.awaitFinal(relink, WAIT).response().getStatus()).as("tasks flow again after the reset")
                .isEqualTo(TaskStatus.DONE);
        Thread.sleep(500);
        assertThat(orbital.responsesTo(relink)).as("answers to the task sent after the reset").hasSize(1);
        assertThat(cluster.database().taskLogEntries(relink.getTaskId())).isEqualTo(1);
        return reconnectedMs;
    }

    /**
     * Orbital's gRPC connection to node 1 sends a task, then is torn down at once (shutdownNow); node 1
     * keeps serving KMIP and keeps taking tasks from the broker. Returns how long after the channel
     * vanished node 1 unwrapped again.
     */
    private static double orbitalPeerGone(Cluster cluster, OrbitalBus orbital, Gateway node1, Gateway.WrappedDek dek,
                                          String tenant) throws Exception {
        GrpcTaskSender grpc = cluster.grpc(0);
        TaskResponse status = grpc.send(ClusterTasks.link(tenant, tenant + "-root"), WAIT.toMillis());
        assertThat(status.getStatus()).as(status.getErrorMessage()).isEqualTo(TaskStatus.DONE);
        grpc.close();
        long gone = System.nanoTime();
        assertThat(node1.unwrapsCorrectly(dek)).as("node 1 serves after its gRPC peer vanished").isTrue();
        double servedMs = (System.nanoTime() - gone) / 1e6;
        TaskRequest relink = ClusterTasks.link(tenant, tenant + "-root");
        orbital.publish(relink);
        assertThat(orbital.awaitFinal(relink, WAIT).response().getStatus()).as("tasks still flow through the broker")
                .isEqualTo(TaskStatus.DONE);
        return servedMs;
    }

    private static int restored(NodeProcess node) throws Exception {
        Path log = node.dir().resolve(node.name() + ".log");
        return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(l -> l.contains("AMQP connection restored")).count() : 0;
    }

    private static void awaitServes(Gateway g, Gateway.WrappedDek dek) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (g.unwrapsCorrectly(dek)) {
                    return;
                }
                throw new AssertionError("a node returned a wrong DEK");
            } catch (KmipException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("a node does not serve the tenant within " + WAIT, e);
                }
                Thread.sleep(10);
            }
        }
    }

    /** Whether the node refuses the DEK now; only Permission Denied counts as a refusal. */
    private static boolean refuses(Gateway g, Gateway.WrappedDek dek) {
        try {
            assertThat(g.unwrapsCorrectly(dek)).as("a node returned a wrong DEK").isTrue();
            return false;
        } catch (KmipException e) {
            assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED);
            return true;
        }
    }

    private static void report(int[] served, double unlinkDoneMs, double[] refusingMs, double[] reconnectedMs,
                               double[] resetReconnectedMs, double grpcGoneServeMs) throws Exception {
        String text = String.format(Locale.ROOT, """
                # Orbital outage (OrbitalOutageTest)

                %s. 3 `krypton serve` JVMs, each reaching RabbitMQ through its own TCP relay; revocation-staleness
                %d ms, poll 200 ms. Relays blackholed for %d ms (the broker silent, no reset), then healed (the
                connections that lived through the cut closed).

                | measure | node 1 | node 2 | node 3 |
                | --- | --- | --- | --- |
                | correct unwraps during the outage (no refusal, /readyz 200 throughout) | %d | %d | %d |
                | heal to AMQP connection restored (node log), ms | %.0f | %.0f | %.0f |
                | heal to refusing the tenant unlinked while cut off, ms | %.0f | %.0f | %.0f |
                | second phase, every AMQP connection reset (broker restart): reset to restored, ms | %.0f | %.0f | %.0f |

                The unlink published during the outage was answered DONE %.0f ms after the heal, once.
                Node 1's Orbital gRPC peer was torn down at once (shutdownNow): node 1 unwrapped again %.1f ms later
                and kept taking tasks from the broker.
                """, Instant.now(), STALENESS.toMillis(), OUTAGE.toMillis(), served[0], served[1], served[2],
                reconnectedMs[0], reconnectedMs[1], reconnectedMs[2], refusingMs[0], refusingMs[1], refusingMs[2],
                resetReconnectedMs[0], resetReconnectedMs[1], resetReconnectedMs[2], unlinkDoneMs, grpcGoneServeMs);
        Path out = Path.of(System.getProperty("user.dir"), "target", "orbital-outage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }
}
