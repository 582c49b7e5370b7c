package dev.krypton.crypto;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyLoanConcurrencyTest {

    @Test
    void wipeWaitsForLoansInFlightAndLaterLoansFailCleanly() throws Exception {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             ExecutorService pool = Executors.newFixedThreadPool(16)) {
            byte[] pattern = new byte[32];
            java.util.Arrays.fill(pattern, (byte) 0x5a);
            KeyHandle key = memory.copyOf(pattern.clone());
            AtomicInteger torn = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(16);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    started.countDown();
                    while (true) {
                        try {
                            key.withKey(k -> {
                                byte first = k.get(ValueLayout.JAVA_BYTE, 0);
                                Thread.onSpinWait();
                                byte last = k.get(ValueLayout.JAVA_BYTE, 31);
                                if (first != 0x5a || last != 0x5a) {
                                    torn.incrementAndGet();
                                }
                                return null;
                            });
                            completed.incrementAndGet();
                        } catch (KeyWipedException e) {
                            refused.incrementAndGet();
                            return;
                        }
                    }
                }));
            }
            started.await();
            while (completed.get() < 20_000) {
                Thread.onSpinWait();
            }
            key.wipe();
            for (Future<?> worker : workers) {
                worker.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(torn.get()).as("loans that saw a wiped or half-wiped key").isZero();
            assertThat(refused.get()).as("every worker's first loan after the wipe was refused").isEqualTo(16);
            assertThat(memory.status().liveKeys()).isZero();
        }
    }

    @Test
    void concurrentWipesAndNativeOperationsNeverUseFreedContexts() throws Exception {
        CryptoEngine engine = NativeEngine.load();
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 20; round++) {
                KeyHandle kek = memory.random(32);
                byte[] wrapped = engine.keyWrapPad(kek, new byte[32]);
                List<Future<Integer>> users = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    users.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 200; i++) {
                            try {
                                assertThat(engine.keyUnwrapPad(kek, wrapped)).isEqualTo(new byte[32]);
                                ok++;
                            } catch (KeyWipedException e) {
                                return ok;
                            }
                        }
                        return ok;
                    }));
                }
                kek.wipe();
                for (Future<Integer> user : users) {
                    assertThat(user.get()).isBetween(0, 200);
                }
            }
            assertThat(memory.status().liveKeys()).isZero();
        }
    }
}
