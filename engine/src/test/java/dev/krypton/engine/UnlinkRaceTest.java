package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The kill switch under load: many threads unwrap while unlink runs, repeated many times. No
 * unwrap that starts after unlink returned may succeed, every success returns the right
 * plaintext (a wiped key would give garbage or a tag failure), and nothing but
 * PERMISSION_DENIED may be thrown.
 */
class UnlinkRaceTest {

    private static final int ROUNDS = 40;
    private static final int THREADS = 8;

    @Test
    void noUnwrapSucceedsAfterUnlinkReturnedAndNothingCrashes() throws Exception {
        try (Fixture f = new Fixture()) {
            f.link();
            String uid = f.ops.createKek(f.principal, f.tenant, "race").uid();
            byte[] dek = f.random(32);
            EncryptResult gcm = f.ops.encrypt(f.principal, EncryptRequest.gcm(uid, dek, "aad".getBytes()));
            EncryptResult kw = f.ops.encrypt(f.principal, EncryptRequest.wrap(uid, CipherMode.KEY_WRAP, dek));
            long successesAfterUnlink = 0;
            long successesTotal = 0;
            for (int round = 0; round < ROUNDS; round++) {
                if (round > 0) {
                    f.link();
                }
                AtomicBoolean unlinked = new AtomicBoolean();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong lateSuccesses = new AtomicLong();
                AtomicLong successes = new AtomicLong();
                AtomicLong lateAttempts = new AtomicLong();
                AtomicReference<Throwable> unexpected = new AtomicReference<>();
                CountDownLatch started = new CountDownLatch(THREADS);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    boolean useGcm = t % 2 == 0;
                    threads.add(Thread.ofPlatform().start(() -> {
                        started.countDown();
                        while (!stop.get()) {
                            boolean afterUnlink = unlinked.get();
                            if (afterUnlink) {
                                lateAttempts.incrementAndGet();
                            }
                            try {
                                byte[] out = useGcm
                                        ? f.ops.decrypt(f.principal, DecryptRequest.of(gcm, CipherMode.GCM, "aad".getBytes()))
                                        : f.ops.decrypt(f.principal, DecryptRequest.unwrap(uid, CipherMode.KEY_WRAP, kw.ciphertext()));
                                if (!java.util.Arrays.equals(out, dek)) {
                                    unexpected.compareAndSet(null, new AssertionError("wrong plaintext"));
                                }
                                successes.incrementAndGet();
                                if (afterUnlink) {
                                    lateSuccesses.incrementAndGet();
                                }
                            } catch (EngineException e) {
                                if (e.code() != ErrorCode.PERMISSION_DENIED) {
                                    unexpected.compareAndSet(null, e);
                                }
                            } catch (Throwable e) {
                                unexpected.compareAndSet(null, e);
                            }
                        }
                    }));
                }
                started.await();
                while (successes.get() < 50) {
                    Thread.onSpinWait();
                }
                f.commands.execute(new TenantCommand.Unlink(f.tenant));
                unlinked.set(true);
                while (lateAttempts.get() < THREADS * 10L) {
                    Thread.onSpinWait();
                }
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                assertThat(unexpected.get()).as("round " + round).isNull();
                successesAfterUnlink += lateSuccesses.get();
                successesTotal += successes.get();
            }
            assertThat(successesAfterUnlink).as("unwraps that started after unlink returned and succeeded").isZero();
            assertThat(successesTotal).isGreaterThan(ROUNDS * 50L);
        }
    }
}
