package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.KmipException;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.testsupport.TcpRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the node that is processing a task, at the two points that matter: after it decided
 * (keys generated or wiped in its memory) but before the store changed, and after the store changed
 * but before the task was recorded and answered. Three nodes consume one AMQP address, each reaches
 * PostgreSQL through its own {@link TcpRelay}; the proxies hold the processing node's request at the
 * chosen point (the task id, then the tenant id, appear in its queries in a known order), so the test
 * knows which node to kill and that it is mid-task. The broker then redelivers the task to another
 * node. Each case checks: exactly one answer, DONE; exactly one task-log entry; the store changed
 * once (generation); every node, including the killed one after restart, agrees with the store and
 * serves or refuses the tenant's DEKs accordingly: no tenant half linked. A short
 * {@code cluster.revocation-staleness} (2 s) keeps the unlink's wait for the killed node short.
 */
@Tag("cluster")
class KillMidTaskTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private enum Point { BEFORE_STORE, AFTER_STORE }

    @Test
    void aTaskWhoseNodeIsKilledCompletesExactlyOnceElsewhere(@TempDir Path dir) throws Exception {
        try (Cluster cluster = Cluster.in(dir).nodes(3).proxied()
                .setting("cluster.revocation-staleness", "2s").setting("cluster.poll-interval", "200ms").start(); OrbitalBus orbital = cluster.orbital()) {
            for (Point point : Point.values()) {
                linkKilledMidTask(cluster, orbital, point);
                unlinkKilledMidTask(cluster, orbital, point);
            }
        }
    }

    private static void linkKilledMidTask(Cluster cluster, OrbitalBus orbital, Point point) throws Exception {
        String tenant = "kill-link-" + point.name().toLowerCase().replace('_', '-') + "-" + Long.toHexString(System.nanoTime());
        TaskRequest link = ClusterTasks.link(tenant, "root-" + Long.toHexString(System.nanoTime()));
        int killed = runAndKill(cluster, orbital, link, tenant, point, false);

        assertThat(cluster.database().tenantState(tenant)).as("link: stored state").contains("ACTIVE");
        assertThat(cluster.database().tenantGeneration(tenant)).as("link: stored once").contains(1L);
        assertThat(cluster.database().hasWrappedL2(tenant)).isTrue();
        int survivor = (killed + 1) % cluster.nodes().size();
        Gateway.WrappedDek dek;
        try (Gateway g = cluster.gateway(survivor)) {
            dek = g.wrapNewDek(g.createKek(tenant, "payments"));
        }
        cluster.node(killed).start();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            assertThat(awaitState(cluster.node(i), tenant, "ACTIVE")).as("node %d reports the tenant ACTIVE", i + 1).isTrue();
            try (Gateway g = cluster.gateway(i)) {
                assertThat(g.unwrapsCorrectly(dek)).as("node %d unwraps after the link", i + 1).isTrue();
            }
        }
    }

    private static void unlinkKilledMidTask(Cluster cluster, OrbitalBus orbital, Point point) throws Exception {
        String tenant = "kill-unlink-" + point.name().toLowerCase().replace('_', '-') + "-" + Long.toHexString(System.nanoTime());
        TaskRequest link = ClusterTasks.link(tenant, "root-" + Long.toHexString(System.nanoTime()));
        orbital.publish(link);
        assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
        Gateway.WrappedDek dek;
        try (Gateway g = cluster.gateway(0)) {
            dek = g.wrapNewDek(g.createKek(tenant, "payments"));
        }
        for (int i = 0; i < cluster.nodes().size(); i++) {
            try (Gateway g = cluster.gateway(i)) {
                assertThat(g.unwrapsCorrectly(dek)).as("node %d unwraps before the unlink", i + 1).isTrue();
            }
        }
        long before = cluster.database().tenantGeneration(tenant).orElseThrow();

        int killed = runAndKill(cluster, orbital, ClusterTasks.unlink(tenant), tenant, point, true);

        assertThat(cluster.database().tenantState(tenant)).as("unlink: stored state").contains("UNLINKED");
        assertThat(cluster.database().tenantGeneration(tenant)).as("unlink: stored once").contains(before + 1);
        cluster.node(killed).start();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            assertThat(awaitState(cluster.node(i), tenant, "UNLINKED")).as("node %d reports the tenant UNLINKED", i + 1).isTrue();
            try (Gateway g = cluster.gateway(i)) {
                Gateway.WrappedDek d = dek;
                assertThat(refused(() -> g.unwrap(d))).as("node %d refuses after the unlink", i + 1).isTrue();
            }
        }
    }

    /**
     * Publishes {@code task} with every proxy armed at {@code point}, kills the node whose request
     * was held, and checks the redelivered task completed exactly once. Returns the killed node's index.
     */
    private static int runAndKill(Cluster cluster, OrbitalBus orbital, TaskRequest task, String tenant, Point point,
                                  boolean critical) throws Exception {
        List<String> steps = switch (point) {
            case BEFORE_STORE -> List.of(task.getTaskId(), tenant, tenant);
            case AFTER_STORE -> List.of(task.getTaskId(), task.getTaskId());
        };
        String storedBefore = cluster.database().tenantState(tenant).orElse("(none)");
        List<TcpRelay.Hold> holds = new ArrayList<>();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            holds.add(cluster.proxy(i).holdAt(steps));
        }
        if (critical) {
            orbital.publishCritical(task);
        } else {
            orbital.publish(task);
        }
        int killed = awaitHeld(holds);
        for (int i = 0; i < cluster.nodes().size(); i++) {
            cluster.proxy(i).disarm();
        }
        String storedAtKill = cluster.database().tenantState(tenant).orElse("(none)");
        long loggedAtKill = cluster.database().taskLogEntries(task.getTaskId());
        cluster.node(killed).kill();
        holds.get(killed).drop();

        String what = task.getType() + " killed on " + cluster.node(killed).name() + " " + point;
        assertThat(loggedAtKill).as("%s: not yet in the task log", what).isZero();
        if (point == Point.BEFORE_STORE) {
            assertThat(storedAtKill).as("%s: store unchanged at the kill", what).isEqualTo(storedBefore);
        } else {
            assertThat(storedAtKill).as("%s: store changed at the kill", what).isNotEqualTo(storedBefore);
        }
        OrbitalBus.Received answer = orbital.awaitFinal(task, WAIT);
        assertThat(answer.response().getStatus()).as("%s: answer (%s)", what, answer.response().getErrorMessage())
                .isEqualTo(TaskStatus.DONE);
        Thread.sleep(1_000);
        assertThat(orbital.responsesTo(task)).as("%s: answers", what).hasSize(1);
        assertThat(cluster.database().taskLogEntries(task.getTaskId())).as("%s: task-log entries", what).isEqualTo(1);
        return killed;
    }

    private static int awaitHeld(List<TcpRelay.Hold> holds) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < holds.size(); i++) {
                if (holds.get(i).await(0, TimeUnit.MILLISECONDS)) {
                    return i;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no node's request matched the kill point within " + WAIT);
    }

    private static boolean awaitState(NodeProcess node, String tenant, String state) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (node.tenantState(tenant).equals(state)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean refused(Runnable unwrap) {
        try {
            unwrap.run();
            return false;
        } catch (KmipException e) {
            return true;
        }
    }
}
