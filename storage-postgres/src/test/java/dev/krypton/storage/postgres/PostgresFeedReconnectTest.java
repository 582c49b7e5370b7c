package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.Fixtures;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The LISTEN connection is killed on the server: the feed reconnects, asks for a resync, and hears later changes. */
class PostgresFeedReconnectTest {

    @Test
    void aKilledListenConnectionIsReplacedAndListenersResynchronise() throws Exception {
        try (PostgresStorage store = (PostgresStorage) StorageProviders.open(TestDatabase.newStore())) {
            BlockingQueue<TenantChange> heard = new LinkedBlockingQueue<>();
            CountDownLatch resync = new CountDownLatch(1);
            store.changeFeed().orElseThrow().subscribe(ChangeFeed.listener(heard::add, resync::countDown));
            int pid = store.listenerPid();
            assertThat(pid).isPositive();
            TestDatabase.admin("SELECT pg_terminate_backend(" + pid + ")");
            assertThat(resync.await(30, TimeUnit.SECONDS)).as("resynchronise after reconnect").isTrue();
            assertThat(store.listenerPid()).isNotEqualTo(pid);
            store.write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(TenantChange.of(Fixtures.tenant("acme", 1)));
        }
    }
}
