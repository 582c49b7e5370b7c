package dev.krypton.storage.tck;

import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * Load figures for a backend (not a test): {@code backend key=value... -- [threads] [tenants]}.
 * After an untimed warm-up (JIT, and for SQLite a WAL file that has reached its working size),
 * measures single-record tenant and KEK writes and reads per second with 1 and {@code threads}
 * threads, then bulk-loads {@code tenants} tenants, reopens the store and times listing them all,
 * as a node does at start-up. The store should be empty.
 */
public final class LoadTool {

    private static final int WRITES = 2_000;
    private static final int READS = 20_000;

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        List<String> extra = new ArrayList<>();
        StorageConfig config = ChildJvm.parse(args, extra);
        int threads = extra.isEmpty() ? 8 : Integer.parseInt(extra.get(0));
        int tenants = extra.size() < 2 ? 100_000 : Integer.parseInt(extra.get(1));
        try (Storage store = StorageProviders.open(config)) {
            for (int i = 0; i < WRITES * 2; i++) {
                store.write(new Write.PutObject(Fixtures.kek("warm", "up", i, 1), Write.ABSENT));
                store.object("warm:up:" + i).orElseThrow();
            }
            int[] phases = {1, threads};
            for (int phase = 0; phase < phases.length; phase++) {
                int t = phases[phase];
                String p = "p" + phase + "-";
                rate(config, "tenant writes", t, WRITES, i -> store.write(new Write.PutTenant(Fixtures.tenant(p + i, 1), Write.ABSENT)));
                rate(config, "tenant reads", t, READS, i -> store.tenant(p + ThreadLocalRandom.current().nextInt(WRITES)).orElseThrow());
                rate(config, "KEK writes", t, WRITES, i -> store.write(new Write.PutObject(Fixtures.kek(p + "k", "kek", i, 1), Write.ABSENT)));
                rate(config, "KEK reads", t, READS, i -> store.object(p + "k:kek:" + ThreadLocalRandom.current().nextInt(WRITES)).orElseThrow());
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < tenants; i += 1000) {
                List<Write> batch = new ArrayList<>();
                for (int j = i; j < Math.min(tenants, i + 1000); j++) {
                    batch.add(new Write.PutTenant(Fixtures.tenant("bulk-%07d".formatted(j), 1), Write.ABSENT));
                }
                store.write(batch);
            }
            System.out.printf("%s: bulk insert of %d tenants in atomic batches of 1000: %.1f s%n", config.backend(), tenants,
                    (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        try (Storage store = StorageProviders.open(config)) {
            long opened = System.nanoTime();
            long count = 0;
            Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
            while (next.isPresent()) {
                Page<TenantRecord> page = store.tenants(next.get());
                count += page.items().size();
                next = page.next();
            }
            long done = System.nanoTime();
            System.out.printf("%s: start-up load of all %d tenants: open %.0f ms + list %.0f ms = %.2f s%n", config.backend(),
                    count, (opened - t0) / 1e6, (done - opened) / 1e6, (done - t0) / 1e9);
        }
    }

    private static void rate(StorageConfig config, String what, int threads, int total, IntConsumer op) throws Exception {
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < total; i += threads) {
                        op.accept(i);
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %s, %d thread(s): %,.0f /s (%d ops in %.2f s)%n", config.backend(), what, threads,
                total / seconds, total, seconds);
    }
}
