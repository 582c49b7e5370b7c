package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ProcessedTask;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The processed-task log (put-if-absent) and node heartbeats. */
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

    @Test
    default void heartbeatsReplaceAndListInNodeOrder() {
        store().heartbeats().beat(new NodeHeartbeat("node-b", Fixtures.T0, 3));
        store().heartbeats().beat(new NodeHeartbeat("node-a", Fixtures.T0, 1));
        store().heartbeats().beat(new NodeHeartbeat("node-b", Fixtures.T0.plusSeconds(5), 7));
        assertThat(store().heartbeats().list()).containsExactly(new NodeHeartbeat("node-a", Fixtures.T0, 1),
                new NodeHeartbeat("node-b", Fixtures.T0.plusSeconds(5), 7));
    }
}
