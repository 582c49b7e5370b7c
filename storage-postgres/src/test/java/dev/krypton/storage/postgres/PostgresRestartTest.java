package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Restarts a real PostgreSQL server (fast shutdown) under a write load: writes stall, then resume
 * on their own; every acknowledged write is present exactly once; the change feed reconnects and
 * asks its listeners to resynchronise. The server is a private one ({@link PrivateCluster}, TLS
 * and a password), so that restarting it never disturbs other builds or services using the
 * machine's shared server.
 */
class PostgresRestartTest {

    private static final int WRITERS = 3;

    @Test
    void writesResumeAfterAServerRestartAndNothingAcknowledgedIsLost() throws Exception {
        assumeTrue(PrivateCluster.possible(), "needs root, openssl and the PostgreSQL server binaries to start a private cluster");
        PrivateCluster server = PrivateCluster.start("restart-password");
        StorageConfig config = new StorageConfig("postgres", Map.of("url", server.url(), "user", "postgres",
                "password", "restart-password", "sslmode", "require", "schema", "restart", "retry-ms", "60000"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger resyncs = new AtomicInteger();
        BlockingQueue<TenantChange> heard = new LinkedBlockingQueue<>();
        Queue<String> acked = new ConcurrentLinkedQueue<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (Storage store = StorageProviders.open(config)) {
            store.changeFeed().orElseThrow().subscribe(ChangeFeed.listener(heard::add, resyncs::incrementAndGet));
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String tenant = "load-" + w;
                writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                    try {
                        for (long generation = 0; !stop.get(); generation++) {
                            store.write(List.of(new Write.PutTenant(Fixtures.tenant(tenant, generation + 1), generation),
                                    new Write.PutObject(record(tenant, generation), Write.ABSENT)));
                            acked.add(tenant + ":" + generation);
                        }
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }));
            }
            try {
                awaitAcks(acked, 100);
                long t0 = System.nanoTime();
                server.restart();
                int atRestart = acked.size();
                awaitAcks(acked, atRestart + 100);
                System.out.printf("restart test: %d writes acknowledged before the restart returned, 100 more %d ms after it began%n",
                        atRestart, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            } finally {
                stop.set(true);
                for (Thread t : writers) {
                    t.join(TimeUnit.SECONDS.toMillis(90));
                }
            }
            assertThat(errors).isEmpty();
            for (String ack : acked) {
                int colon = ack.lastIndexOf(':');
                String tenant = ack.substring(0, colon);
                long generation = Long.parseLong(ack.substring(colon + 1));
                assertThat(store.object(ack)).contains(record(tenant, generation));
            }
            for (int w = 0; w < WRITERS; w++) {
                String tenant = "load-" + w;
                long ackedHere = acked.stream().filter(a -> a.startsWith(tenant + ":")).count();
                long generation = store.tenant(tenant).orElseThrow().generation();
                assertThat(generation).isGreaterThanOrEqualTo(ackedHere);
                assertThat(countObjects(store, tenant)).as("objects of %s, one per generation", tenant).isEqualTo(generation);
            }
            long before = heard.size();
            store.write(new Write.PutTenant(Fixtures.tenant("after-restart", 1), Write.ABSENT));
            assertThat(resyncs.get()).as("the feed noticed it had been cut off").isPositive();
            TenantChange last = null;
            for (TenantChange c; (c = heard.poll(30, TimeUnit.SECONDS)) != null; ) {
                last = c;
                if (c.tenantId().equals("after-restart")) {
                    break;
                }
            }
            assertThat(last).as("a change after the restart reached the feed (%d earlier)", before)
                    .isEqualTo(TenantChange.of(Fixtures.tenant("after-restart", 1)));
        } finally {
            server.stop();
        }
    }

    private static ManagedObjectRecord record(String tenant, long generation) {
        return Fixtures.object(tenant + ":" + generation, tenant, ObjectKind.SECRET_DATA, "load", ObjectState.ACTIVE, 1, 1, 256);
    }

    private static long countObjects(Storage store, String tenant) {
        long n = 0;
        java.util.Optional<PageRequest> next = java.util.Optional.of(PageRequest.first(1000));
        while (next.isPresent()) {
            Page<ManagedObjectRecord> page = store.objects(ObjectQuery.tenant(tenant), next.get());
            n += page.items().size();
            next = page.next();
        }
        return n;
    }

    private static void awaitAcks(Queue<String> acked, int target) throws InterruptedException {
        for (int i = 0; i < 1200 && acked.size() < target; i++) {
            Thread.sleep(50);
        }
        assertThat(acked.size()).as("acknowledged writes").isGreaterThanOrEqualTo(target);
    }
}
