package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash test for durable backends: a child JVM ({@link CrashWriterMain}) writes in a loop and is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at a random moment, {@link #kills()}
 * times. After each kill every acknowledged write must be present and intact, every stored object
 * must be intact, and the tenant's generation must equal the number of objects (the two halves of
 * each atomic write are never separated).
 */
public abstract class CrashConformanceTest {

    /** A configuration for a new, empty store, different on every call. */
    protected abstract StorageConfig newStoreConfig();

    /** How many times the writer is killed. */
    protected int kills() {
        return 20;
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        StorageConfig config = newStoreConfig();
        StorageProviders.open(config).close();
        long acknowledged = 0;
        for (int round = 0; round < kills(); round++) {
            List<String> acks = runAndKill(config, round);
            assertThat(acks).as("round %d wrote nothing before the kill", round).isNotEmpty();
            acknowledged += acks.size();
            try (Storage store = StorageProviders.open(config)) {
                long maxGeneration = 0;
                for (String ack : acks) {
                    String[] f = ack.split(" ");
                    int i = Integer.parseInt(f[2]);
                    maxGeneration = Math.max(maxGeneration, Long.parseLong(f[3]));
                    assertThat(store.object("crash:" + round + ":" + i)).as(ack).contains(CrashWriterMain.record(round, i));
                }
                TenantRecord tenant = store.tenant(CrashWriterMain.TENANT).orElseThrow();
                assertThat(tenant.generation()).isGreaterThanOrEqualTo(maxGeneration);
                assertThat(tenant).isEqualTo(Fixtures.tenant(CrashWriterMain.TENANT, tenant.generation()));
                assertThat(allObjectsIntact(store)).isEqualTo(tenant.generation());
            }
        }
        assertThat(acknowledged).isGreaterThan(kills());
        System.out.printf("crash test (%s): %d SIGKILLs, %d acknowledged writes verified%n", config.backend(), kills(), acknowledged);
    }

    private static List<String> runAndKill(StorageConfig config, int round) throws Exception {
        Process child = ChildJvm.start(CrashWriterMain.class, config, Integer.toString(round));
        List<String> acks = new ArrayList<>();
        CompletableFuture<Void> firstAck = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("ack ") && line.endsWith(" end")) {
                        synchronized (acks) {
                            acks.add(line);
                        }
                        firstAck.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                firstAck.completeExceptionally(e);
            }
            firstAck.complete(null);
        });
        firstAck.get(60, TimeUnit.SECONDS);
        Thread.sleep(ThreadLocalRandom.current().nextInt(20, 600));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join();
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    private static long allObjectsIntact(Storage store) {
        long count = 0;
        Optional<PageRequest> next = Optional.of(PageRequest.first(1000));
        while (next.isPresent()) {
            Page<ManagedObjectRecord> page = store.objects(ObjectQuery.tenant(CrashWriterMain.TENANT), next.get());
            for (ManagedObjectRecord o : page.items()) {
                String[] f = o.uid().split(":");
                assertThat(o).isEqualTo(CrashWriterMain.record(Integer.parseInt(f[1]), Integer.parseInt(f[2])));
                count++;
            }
            next = page.next();
        }
        return count;
    }
}
