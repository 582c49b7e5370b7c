package dev.krypton.storage.tck;

import static dev.krypton.storage.StorageException.Kind.CLOSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.Storage;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Close and reopen: everything acknowledged is still there. */
public interface RestartContract extends StorageContext {

    @Test
    default void everythingAcknowledgedSurvivesCloseAndReopen() {
        assumeTrue(durable(), "the memory backend starts empty on every open by design, so a restart is meaningless");
        ProcessedTask task = new ProcessedTask("task-ü", "e", Fixtures.derive("resp", 100), Fixtures.T0);
        store().write(List.of(new Write.PutTenant(Fixtures.tenant("acme-😀", 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme-😀", "k", 1, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme-😀", "k", 2, 1), Write.ABSENT)));
        store().write(List.of(new Write.PutTenant(Fixtures.tenant("acme-😀", 2, TenantState.DISABLED, 1 << 20), 1),
                new Write.DeleteObject("acme-😀:k:1", 1)));
        store().taskLog().putIfAbsent(task);
        store().heartbeats().beat(new NodeHeartbeat("n1", Fixtures.T0, 2, Duration.ofSeconds(5)));
        store().heartbeats().applied("n1", Map.of("t1", 2L));
        Storage again = reopen();
        assertThat(again.tenant("acme-😀")).contains(Fixtures.tenant("acme-😀", 2, TenantState.DISABLED, 1 << 20));
        assertThat(again.object("acme-😀:k:1")).isEmpty();
        assertThat(again.object("acme-😀:k:2")).contains(Fixtures.kek("acme-😀", "k", 2, 1));
        assertThat(again.taskLog().get("task-ü", "e")).contains(task);
        assertThat(again.heartbeats().list()).containsExactly(new NodeHeartbeat("n1", Fixtures.T0, 2, Duration.ofSeconds(5)));
        assertThat(again.heartbeats().appliedBy("t1")).isEqualTo(Map.of("n1", 2L));
    }

    @Test
    default void aClosedStoreRefusesCalls() {
        store().close();
        Failures.expect(CLOSED, () -> store().tenant("acme"));
        Failures.expect(CLOSED, () -> store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT)));
        store().close();
    }
}
