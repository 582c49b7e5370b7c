package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.Write;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The test doubles the engine tests build on: a forwarder that misses no call, a store that can be taken down. */
class OutageStorageTest {

    private final MemoryStorage memory = new MemoryStorage();
    private final OutageStorage store = new OutageStorage(memory);

    @Test
    void forwardingStorageOverridesEveryCallOfTheSpiSoNoneFallsBackToADefault() {
        List<String> missing = Arrays.stream(Storage.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !(m.getName().equals("write") && m.getParameterTypes()[0] == Write.class))
                .filter(m -> declaredIn(ForwardingStorage.class, m) == null)
                .map(Method::getName)
                .toList();
        assertThat(missing).as("Storage methods ForwardingStorage does not forward").isEmpty();
    }

    @Test
    void downBreaksEveryCallWithUnavailableAndUpHealsThem() {
        memory.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        store.down();
        List<ThrowingCallable> calls = everyCall();
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
        }
        assertThat(store.refusedCalls()).isEqualTo(calls.size());
        assertThat(memory.tenant("acme")).as("the store behind is untouched").isPresent();

        store.up();
        assertThat(store.tenant("acme")).isPresent();
        assertThat(store.tenantGenerations(PageRequest.first(10)).items()).hasSize(1);
        store.heartbeats().beat(new NodeHeartbeat("n1", Fixtures.T0, 1, Duration.ofSeconds(2)));
        assertThat(store.heartbeats().list()).extracting(NodeHeartbeat::nodeId).containsExactly("n1");
    }

    @Test
    void downOfSomeCallsLeavesTheOthersWorking() {
        memory.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        store.down(OutageStorage.Call.TENANT);
        assertThatThrownBy(() -> store.tenant("acme")).isInstanceOf(StorageException.class);
        assertThat(store.tenantGenerations(PageRequest.first(10)).items()).hasSize(1);
        assertThat(store.tenants(PageRequest.first(10)).items()).hasSize(1);
        store.heartbeats().applied("n1", Map.of("acme", 1L));
        assertThat(store.heartbeats().appliedBy("acme")).containsEntry("n1", 1L);
    }

    @Test
    void aHeartbeatsOrTaskLogTakenBeforeTheOutageFailsDuringIt() {
        var heartbeats = store.heartbeats();
        var tasks = store.taskLog();
        store.down();
        assertThatThrownBy(() -> heartbeats.list()).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> tasks.get("t", "e")).isInstanceOf(StorageException.class);
    }

    private List<ThrowingCallable> everyCall() {
        return List.of(
                () -> store.tenant("acme"),
                () -> store.tenants(PageRequest.first(10)),
                () -> store.tenantGenerations(PageRequest.first(10)),
                () -> store.object("acme:x"),
                () -> store.objects(ObjectQuery.tenant("acme"), PageRequest.first(10)),
                () -> store.write(new Write.PutTenant(Fixtures.tenant("beta", 1), Write.ABSENT)),
                () -> store.taskLog().putIfAbsent(new ProcessedTask("t", "e", new byte[] {1}, Fixtures.T0)),
                () -> store.taskLog().get("t", "e"),
                () -> store.heartbeats().beat(new NodeHeartbeat("n1", Fixtures.T0, 1, Duration.ofSeconds(2))),
                () -> store.heartbeats().list(),
                () -> store.heartbeats().applied("n1", Map.of("acme", 1L)),
                () -> store.heartbeats().appliedBy("acme"),
                () -> store.heartbeats().forget("n1"));
    }

    private static Method declaredIn(Class<?> type, Method m) {
        try {
            return type.getDeclaredMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
