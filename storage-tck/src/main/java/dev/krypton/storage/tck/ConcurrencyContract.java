package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Write;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent writers (threads of one process, and two processes) never lose an update. */
public interface ConcurrencyContract extends StorageContext {

    @Test
    default void compareAndSetLosesNoUpdateAcrossThreads() throws Exception {
        CasCounter.create(store(), "counter");
        int threads = 6;
        int each = 40;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "w" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        CasCounter.increment(store(), "counter");
                        store().write(new Write.PutObject(Fixtures.kek("counter", name, i, 1), Write.ABSENT));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(store().tenant("counter").orElseThrow().generation()).isEqualTo(1 + threads * each);
        assertThat(store().objects(ObjectQuery.tenant("counter"), PageRequest.first(1000)).items()).hasSize(threads * each);
    }

    @Test
    default void compareAndSetLosesNoUpdateAcrossTwoProcesses() throws Exception {
        assumeTrue(durable(), "a second process cannot share the memory backend");
        CasCounter.create(store(), "counter");
        int each = 60;
        Process child = ChildJvm.start(CounterMain.class, config(), "counter", Integer.toString(each), "child");
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("ready");
            for (int i = 0; i < each; i++) {
                CasCounter.increment(store(), "counter");
                store().write(new Write.PutObject(Fixtures.kek("counter", "parent", i, 1), Write.ABSENT));
            }
            out = r.lines().reduce("", String::concat);
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(out).isEqualTo("done");
        assertThat(store().tenant("counter").orElseThrow().generation()).isEqualTo(1 + 2 * each);
        assertThat(store().objects(ObjectQuery.tenant("counter"), PageRequest.first(1000)).items()).hasSize(2 * each);
    }
}
