package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation bound under a real partition, repeated: three {@code krypton serve} nodes on one
 * PostgreSQL database, each behind its own {@link dev.krypton.testsupport.TcpRelay}. In each trial
 * gateways unwrap on every node in tight loops (an L3 KEK's DEK on each node, and on node 3 also a
 * tenant key's, which reads storage on every use); node 3's relay is paused (a blackhole that heals
 * the way a real network does: connections stay open, nothing passes, and what was sent arrives
 * late after the heal, so requests in flight at the cut wait on storage across it); 0 to 600 ms
 * later SYSTEM_UNLINK goes to node 2 over gRPC; after DONE plus the staleness the relay heals, the
 * gateways go on for a while to catch late answers, and the tenant is linked again.
 *
 * <p>Asserted in every trial: no node returns a DEK later than DONE + staleness (the answers that
 * come after DONE at all are counted and reported); every request node 3 starts after the cut is
 * answered (the retryable refusal or Permission Denied, never a hang) within staleness + request
 * budget + 2 s of slack for a loaded machine (a bound, not a timing claim: a hung request takes
 * the client's 10 s read time-out); {@code /readyz} of node 3 answers 503 within a 1 s client
 * time-out during the cut; after the heal node 3 refuses the tenant as unlinked, and after the
 * re-link every node serves it again. Trials: {@code -Dkrypton.it.partitionTrials} (default 20).
 * Figures go to {@code target/cluster-partition-trials.md}.
 */
@Tag("cluster")
class PartitionTrialsTest {

    private static final int TRIALS = Integer.getInteger("krypton.it.partitionTrials", 20);
    private static final Duration STALENESS = Duration.ofSeconds(2);
    /** The engine's default request budget: half the staleness. */
    private static final Duration BUDGET = STALENESS.dividedBy(2);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One request of a poller: when it started and ended, and how it ended. */
    private record Call(long start, long end, Outcome outcome, ResultReason reason) {}

    private enum Outcome { SERVED, REFUSED, FAILED }

    @Test
    void noNodeReturnsADekAfterTheDeadlineAndACutOffNodeRefusesInsteadOfHanging(@TempDir Path dir) throws Exception {
        String tenant = "trials-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(3).proxied()
                .setting("cluster.revocation-staleness", STALENESS.toMillis() + "ms")
                .setting("cluster.poll-interval", "200ms")
                .start();
             OrbitalBus orbital = cluster.orbital();
             GrpcTaskSender viaNode2 = cluster.grpc(1)) {
            link(orbital, tenant);
            List<Gateway> keks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                keks.add(cluster.gateway(i));
            }
            Gateway tenantKeys = cluster.gateway(2);
            Gateway.WrappedDek dek = keks.getFirst().wrapNewDek(keks.getFirst().createKek(tenant, "payments"));
            Gateway.WrappedDek stored = tenantKeys.wrapNewDek(tenantKeys.createTenantKey(tenant, "stored"));
            awaitServing(keks, tenantKeys, dek, stored);

            double[] firstRefusal = new double[TRIALS];
            double[] doneLatency = new double[TRIALS];
            double[] longestCutCall = new double[TRIALS];
            double[] readyz = new double[TRIALS];
            int servedAfterDone = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                if (trial > 0) {
                    link(orbital, tenant);
                    awaitServing(keks, tenantKeys, dek, stored);
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<List<Call>> calls = new ArrayList<>();
                List<Thread> pollers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    List<Call> mine = new ArrayList<>();
                    calls.add(mine);
                    Gateway g = i < 3 ? keks.get(i) : tenantKeys;
                    Gateway.WrappedDek w = i < 3 ? dek : stored;
                    pollers.add(Thread.ofPlatform().name("poll-" + i).start(() -> poll(g, w, stop, mine)));
                }
                try {
                    Thread.sleep(300);
                    long cut = System.nanoTime();
                    cluster.proxy(2).pause();
                    Thread.sleep((trial % 4) * 200L);
                    long sent = System.nanoTime();
                    TaskResponse unlinked = viaNode2.send(ClusterTasks.unlink(tenant), WAIT.toMillis());
                    long done = System.nanoTime();
                    assertThat(unlinked.getStatus()).as("trial %d: unlink through node 2: %s", trial, unlinked.getErrorMessage())
                            .isEqualTo(TaskStatus.DONE);
                    doneLatency[trial] = ms(done - sent);
                    readyz[trial] = awaitNotReady(cluster.node(2), cut + STALENESS.plus(SLACK).toNanos(), trial);
                    sleepUntil(done + STALENESS.toNanos() + 500_000_000L);
                    cluster.proxy(2).resume();
                    Thread.sleep(1_500);
                    stop.set(true);
                    for (Thread t : pollers) {
                        t.join(WAIT.toMillis());
                    }

                    long deadline = done + STALENESS.toNanos();
                    for (int i = 0; i < calls.size(); i++) {
                        for (Call c : calls.get(i)) {
                            if (c.outcome() == Outcome.SERVED && c.end() > done) {
                                servedAfterDone++;
                            }
                            assertThat(c.outcome() == Outcome.SERVED && c.end() > deadline)
                                    .as("trial %d, poller %d: a DEK returned %.1f ms after DONE", trial, i, ms(c.end() - done))
                                    .isFalse();
                        }
                    }
                    List<Call> cutOff = new ArrayList<>(calls.get(2));
                    cutOff.addAll(calls.get(3));
                    long firstRefused = Long.MAX_VALUE;
                    double longest = 0;
                    for (Call c : cutOff) {
                        if (c.start() < cut || c.start() > done + STALENESS.toNanos()) {
                            continue;
                        }
                        assertThat(c.outcome()).as("trial %d: node 3 answers during the cut (no client time-out)", trial)
                                .isNotEqualTo(Outcome.FAILED);
                        longest = Math.max(longest, ms(c.end() - c.start()));
                        if (c.outcome() == Outcome.REFUSED) {
                            firstRefused = Math.min(firstRefused, c.end());
                        }
                    }
                    assertThat(longest).as("trial %d: longest node-3 request during the cut, ms", trial)
                            .isLessThanOrEqualTo((double) STALENESS.plus(BUDGET).plus(SLACK).toMillis());
                    assertThat(firstRefused).as("trial %d: node 3 refused during the cut", trial).isNotEqualTo(Long.MAX_VALUE);
                    firstRefusal[trial] = ms(firstRefused - cut);
                    longestCutCall[trial] = longest;
                    awaitRefusedAsUnlinked(keks.get(2), dek, trial);
                } finally {
                    stop.set(true);
                    cluster.proxy(2).resume();
                }
            }
            link(orbital, tenant);
            awaitServing(keks, tenantKeys, dek, stored);
            keks.forEach(Gateway::close);
            tenantKeys.close();
            report(Stats.of(firstRefusal), Stats.of(doneLatency), Stats.of(longestCutCall), Stats.of(readyz), servedAfterDone);
        }
    }

    private static void poll(Gateway g, Gateway.WrappedDek w, AtomicBoolean stop, List<Call> out) {
        while (!stop.get()) {
            long start = System.nanoTime();
            try {
                if (!g.unwrapsCorrectly(w)) {
                    throw new AssertionError("a node returned a wrong DEK");
                }
                out.add(new Call(start, System.nanoTime(), Outcome.SERVED, ResultReason.GENERAL_FAILURE));
            } catch (KmipException e) {
                out.add(new Call(start, System.nanoTime(), Outcome.REFUSED, e.reason()));
            } catch (RuntimeException e) {
                out.add(new Call(start, System.nanoTime(), Outcome.FAILED, ResultReason.GENERAL_FAILURE));
            }
        }
    }

    /**
     * Asks node 3's {@code /readyz} with a 1 s client time-out until it answers 503; each probe
     * must answer within that second. Returns the slowest probe's time, in ms.
     */
    private static double awaitNotReady(NodeProcess node, long until, int trial) throws Exception {
        double slowest = 0;
        while (true) {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/readyz"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
            slowest = Math.max(slowest, ms(System.nanoTime() - start));
            if (r.statusCode() == 503) {
                return slowest;
            }
            assertThat(System.nanoTime()).as("trial %d: /readyz of node 3 says 503 during the cut", trial).isLessThan(until);
            Thread.sleep(50);
        }
    }

    private static void awaitRefusedAsUnlinked(Gateway g, Gateway.WrappedDek dek, int trial) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            try {
                g.unwrap(dek);
                throw new AssertionError("trial " + trial + ": node 3 unwraps after the heal");
            } catch (KmipException e) {
                if (e.reason() == ResultReason.PERMISSION_DENIED) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("trial " + trial + ": node 3 does not refuse the tenant as unlinked after the heal");
    }

    private static void link(OrbitalBus orbital, String tenant) throws Exception {
        TaskRequest link = ClusterTasks.link(tenant, tenant + "-root");
        orbital.publish(link);
        assertThat(orbital.awaitFinal(link, WAIT).response().getStatus()).isEqualTo(TaskStatus.DONE);
    }

    private static void awaitServing(List<Gateway> keks, Gateway tenantKeys, Gateway.WrappedDek dek,
                                     Gateway.WrappedDek stored) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                boolean all = tenantKeys.unwrapsCorrectly(stored);
                for (Gateway g : keks) {
                    all &= g.unwrapsCorrectly(dek);
                }
                if (all) {
                    return;
                }
            } catch (KmipException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("not every node serves the tenant again within " + WAIT, e);
                }
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(Stats firstRefusal, Stats done, Stats longestCall, Stats readyz, int servedAfterDone)
            throws Exception {
        String text = String.format(Locale.ROOT, """
                # Partition trials: one node paused away from PostgreSQL (PartitionTrialsTest)

                %s. %d trials. 3 `krypton serve` nodes on one PostgreSQL database, each behind its own TCP relay;
                cluster.revocation-staleness %d ms (request budget %d ms), cluster.poll-interval 200 ms. In each trial
                node 3's relay pauses (nothing passes, connections stay open, what waited arrives after the heal), then
                0-600 ms later SYSTEM_UNLINK goes to node 2 over gRPC; gateways unwrap in tight loops on every node (L3 KEK
                DEKs, and on node 3 also a tenant key read from storage on every use).

                | measure (ms) | p50 | max |
                | --- | --- | --- |
                | cut to node 3's first refusal | %.1f | %.1f |
                | unlink sent to DONE | %.1f | %.1f |
                | longest node-3 request started during the cut | %.1f | %.1f |
                | slowest /readyz of node 3 until its 503 | %.1f | %.1f |

                DEKs returned after DONE, all trials, all nodes: %d (asserted: none after DONE + staleness).
                Load average at the end of the run: %s.
                """, Instant.now(), firstRefusal.count(), STALENESS.toMillis(), BUDGET.toMillis(),
                firstRefusal.percentile(50), firstRefusal.max(), done.percentile(50), done.max(),
                longestCall.percentile(50), longestCall.max(), readyz.percentile(50), readyz.max(), servedAfterDone,
                Stats.loadAverage());
        Path out = Path.of(System.getProperty("user.dir"), "target", "cluster-partition-trials.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }
}
