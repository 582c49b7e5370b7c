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
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node cut off from PostgreSQL while a tenant is unlinked through another node. Three nodes, each
 * behind its own {@link TcpRelay}; node 3's proxy becomes a blackhole, then Orbital sends
 * SYSTEM_UNLINK of tenant A over gRPC to node 1. Node 3 never hears of the unlink, so it must stop
 * serving on its own when it can no longer confirm the store: within
 * {@code cluster.revocation-staleness} of its last confirmed read, for every tenant (B too). After
 * the proxy heals, node 3 applies the unlink (A refused as unlinked, not as stale) and serves B
 * again. Times go to {@code target/cluster-partition.md}; the bound is reported, not asserted.
 */
@Tag("cluster")
class PartitionTest {

    private static final Duration STALENESS = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aNodeCutOffFromTheStoreStopsServingWithinTheStalenessAndResumesAfterwards(@TempDir Path dir) throws Exception {
        String a = "part-a-" + Long.toHexString(System.nanoTime());
        String b = "part-b-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(3).proxied()
                .setting("cluster.revocation-staleness", STALENESS.toMillis() + "ms")
                .setting("cluster.poll-interval", "200ms")
                .start();
             OrbitalBus orbital = cluster.orbital();
             Gateway g1 = cluster.gateway(0); Gateway g2 = cluster.gateway(1); Gateway g3 = cluster.gateway(2);
             GrpcTaskSender viaNode1 = cluster.grpc(0)) {
            for (String t : new String[] {a, b}) {
                TaskRequest link = ClusterTasks.link(t, t + "-root");
                orbital.publish(link);
                assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
            }
            Gateway.WrappedDek dekA = g1.wrapNewDek(g1.createKek(a, "payments"));
            Gateway.WrappedDek dekB = g1.wrapNewDek(g1.createKek(b, "payments"));
            for (Gateway g : new Gateway[] {g1, g2, g3}) {
                assertThat(g.unwrapsCorrectly(dekA)).isTrue();
                assertThat(g.unwrapsCorrectly(dekB)).isTrue();
            }

            long[] refusedAtSlot = new long[1];
            Thread poller = Thread.ofPlatform().name("poll-node-3").start(
                    () -> refusedAtSlot[0] = firstRefusal(g3, dekA, System.nanoTime() + WAIT.toNanos()));
            long cut = System.nanoTime();
            cluster.proxy(2).cut();
            long sent = System.nanoTime();
            TaskResponse unlinked = viaNode1.send(ClusterTasks.unlink(a), WAIT.toMillis());
            long done = System.nanoTime();
            assertThat(unlinked.getStatus()).as("unlink through node 1: %s", unlinked.getErrorMessage()).isEqualTo(TaskStatus.DONE);
            assertThat(refusal(g1, dekA)).contains(ResultReason.PERMISSION_DENIED);
            assertThat(refusal(g2, dekA)).contains(ResultReason.PERMISSION_DENIED);
            assertThat(g1.unwrapsCorrectly(dekB)).as("node 1 keeps serving B").isTrue();

            poller.join(WAIT.toMillis());
            long refusedAt = refusedAtSlot[0];
            assertThat(refusedAt).as("node 3 stopped serving A within %s of the cut", WAIT).isNotZero();
            Optional<ResultReason> staleReason = refusal(g3, dekA);
            assertThat(staleReason).as("node 3 refuses A while cut off").isPresent();
            assertThat(refusal(g3, dekB)).as("node 3 refuses every tenant while cut off, B too").isPresent();
            Thread.sleep(1_000);
            assertThat(refusal(g3, dekB)).as("node 3 still refuses B a second later").isPresent();

            long heal = System.nanoTime();
            cluster.proxy(2).heal();
            long resumedAt = firstSuccess(g3, dekB, heal + WAIT.toNanos());
            assertThat(refusal(g3, dekA)).as("node 3 applied the unlink after healing").contains(ResultReason.PERMISSION_DENIED);
            assertThat(cluster.node(2).tenantState(a)).isEqualTo("UNLINKED");
            assertThat(cluster.node(2).tenantState(b)).isEqualTo("ACTIVE");
            assertThat(cluster.database().tenantState(a)).contains("UNLINKED");

            report(ms(done - sent), ms(refusedAt - cut), ms(refusedAt - done), staleReason.orElseThrow(), ms(resumedAt - heal));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The reason the node refuses the unwrap now, empty when it unwraps. */
    private static Optional<ResultReason> refusal(Gateway g, Gateway.WrappedDek dek) {
        try {
            g.unwrap(dek);
            return Optional.empty();
        } catch (KmipException e) {
            return Optional.of(e.reason());
        }
    }

    /** Unwraps in a tight loop; the time of the first refusal, or 0 when none came before the deadline. */
    private static long firstRefusal(Gateway g, Gateway.WrappedDek dek, long deadline) {
        while (System.nanoTime() < deadline) {
            if (refusal(g, dek).isPresent()) {
                return System.nanoTime();
            }
        }
        return 0;
    }

    private static long firstSuccess(Gateway g, Gateway.WrappedDek dek, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (refusal(g, dek).isEmpty()) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the node does not serve again within " + WAIT + " after healing");
    }

    private static void report(double unlinkDone, double refusedAfterCut, double refusedAfterDone, ResultReason reason,
                               double resumed) throws Exception {
        String text = String.format(Locale.ROOT, """
                # Partition: one node cut off from PostgreSQL (PartitionTest)

                %s. 3 `krypton serve` nodes, each behind its own TCP proxy to PostgreSQL; cluster.revocation-staleness
                %d ms, cluster.poll-interval 200 ms. Node 3's proxy becomes a blackhole; then SYSTEM_UNLINK of tenant A is
                sent over gRPC to node 1. Node 3 is polled with KMIP Decrypt of A in a tight loop.

                | measure | ms |
                | --- | --- |
                | unlink through node 1: send to DONE | %.1f |
                | cut to node 3's first refusal | %.1f |
                | DONE of the unlink to node 3's first refusal (negative: before DONE) | %.1f |
                | heal to node 3 serving tenant B again | %.1f |

                Node 3 refused with %s while cut off (every tenant), and with PERMISSION_DENIED for A after healing.
                Load average at the end of the run: %s.
                """, Instant.now(), STALENESS.toMillis(), unlinkDone, refusedAfterCut, refusedAfterDone, resumed, reason,
                Stats.loadAverage());
        Path out = Path.of(System.getProperty("user.dir"), "target", "cluster-partition.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }
}
