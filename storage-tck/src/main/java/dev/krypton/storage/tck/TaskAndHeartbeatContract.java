package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The processed-task log (put-if-absent), node heartbeats and applied-generation watermarks. */
public interface TaskAndHeartbeatContract extends StorageContext {

    @Test
    default void firstProcessedTaskWinsAndIsReturnedToLaterWriters() {
        ProcessedTask first = new ProcessedTask("task-1", "e1", "ok".getBytes(StandardCharsets.UTF_8), Fixtures.T0);
        ProcessedTask second = new ProcessedTask("task-1", "e1", "other".getBytes(StandardCharsets.UTF_8), Fixtures.T0.plusSeconds(1));
        assertThat(store().taskLog().putIfAbsent(first)).isEqualTo(first);
        assertThat(store().taskLog().putIfAbsent(second)).isEqualTo(first);
        assertThat(store().taskLog().get("task-1", "e1")).contains(first);
    }

    @Test
    default void etagIsPartOfTheTaskKey() {
        ProcessedTask a = new ProcessedTask("task-1", "e1", new byte[] {1}, Fixtures.T0);
        ProcessedTask b = new ProcessedTask("task-1", "e2", new byte[] {2}, Fixtures.T0);
        store().taskLog().putIfAbsent(a);
        assertThat(store().taskLog().putIfAbsent(b)).isEqualTo(b);
        assertThat(store().taskLog().get("task-1", "e2")).contains(b);
        assertThat(store().taskLog().get("task-1", "e3")).isEmpty();
        assertThat(store().taskLog().get("task-9", "e1")).isEmpty();
    }

    /**
     * Two nodes (two opened stores where the backend is shared, else two threads) record different
     * responses for the same task at the same moment, many times: each time both are told the same
     * single winner.
     */
    @Test
    default void racingNodesAgreeOnOneRecordedResponse() throws Exception {
        Storage other = durable() ? StorageProviders.open(config()) : store();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 40; round++) {
                String id = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ProcessedTask>> answers = new ArrayList<>();
                for (Storage node : List.of(store(), other)) {
                    byte[] response = (node == store() ? "first-node" : "second-node").getBytes(StandardCharsets.UTF_8);
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return node.taskLog().putIfAbsent(new ProcessedTask(id, "e", response, Fixtures.T0));
                    }));
                }
                ProcessedTask a = answers.get(0).get(1, TimeUnit.MINUTES);
                ProcessedTask b = answers.get(1).get(1, TimeUnit.MINUTES);
                assertThat(a).isEqualTo(b);
                assertThat(store().taskLog().get(id, "e")).contains(a);
            }
        } finally {
            if (other != store()) {
                other.close();
            }
        }
    }

    @Test
    default void heartbeatsReplaceAndListInNodeOrder() {
        Duration s = Duration.ofSeconds(5);
        store().heartbeats().beat(new NodeHeartbeat("node-b", Fixtures.T0, 3, s));
        store().heartbeats().beat(new NodeHeartbeat("node-a", Fixtures.T0, 1, Duration.ZERO));
        store().heartbeats().beat(new NodeHeartbeat("node-b", Fixtures.T0.plusSeconds(5), 7, Duration.ofMillis(1500)));
        assertThat(store().heartbeats().list()).containsExactly(new NodeHeartbeat("node-a", Fixtures.T0, 1, Duration.ZERO),
                new NodeHeartbeat("node-b", Fixtures.T0.plusSeconds(5), 7, Duration.ofMillis(1500)));
    }

    @Test
    default void appliedGenerationsAreKeptPerNodeAndTenantAndNeverGoDown() {
        store().heartbeats().applied("node-a", Map.of("t1", 3L, "t2", 1L));
        store().heartbeats().applied("node-b", Map.of("t1", 2L));
        store().heartbeats().applied("node-a", Map.of("t1", 2L, "t2", 4L));
        assertThat(store().heartbeats().appliedBy("t1")).isEqualTo(Map.of("node-a", 3L, "node-b", 2L));
        assertThat(store().heartbeats().appliedBy("t2")).isEqualTo(Map.of("node-a", 4L));
        assertThat(store().heartbeats().appliedBy("t3")).isEmpty();
        store().heartbeats().applied("node-c", Map.of());
        assertThat(store().heartbeats().appliedBy("t1")).doesNotContainKey("node-c");
    }

    @Test
    default void aForgottenNodeLosesItsHeartbeatAndWatermarksOnly() {
        Duration s = Duration.ofSeconds(5);
        store().heartbeats().beat(new NodeHeartbeat("node-a", Fixtures.T0, 3, s));
        store().heartbeats().beat(new NodeHeartbeat("node-b", Fixtures.T0, 4, s));
        store().heartbeats().applied("node-a", Map.of("t1", 3L, "t2", 1L));
        store().heartbeats().applied("node-b", Map.of("t1", 2L));

        assertThat(store().heartbeats().forget("node-a")).isTrue();
        assertThat(store().heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("node-b");
        assertThat(store().heartbeats().appliedBy("t1")).isEqualTo(Map.of("node-b", 2L));
        assertThat(store().heartbeats().appliedBy("t2")).isEmpty();
        assertThat(store().heartbeats().forget("node-a")).as("a second time").isFalse();
        assertThat(store().heartbeats().forget("never-seen")).isFalse();

        store().heartbeats().beat(new NodeHeartbeat("node-a", Fixtures.T0.plusSeconds(1), 5, s));
        assertThat(store().heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("node-a", "node-b");
    }

    @Test
    default void aBadAppliedGenerationChangesNothing() {
        store().heartbeats().applied("node-a", Map.of("t1", 3L));
        assertThatThrownBy(() -> store().heartbeats().applied("node-a", Map.of("t1", 5L, "t2", 0L)))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.INVALID));
        assertThat(store().heartbeats().appliedBy("t1")).isEqualTo(Map.of("node-a", 3L));
    }
}
