package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Commands racing each other and operations on one tenant: every command either takes effect or
 * fails with a typed error, nothing crashes, generations never repeat, and at the end memory
 * agrees with storage.
 */
class ConcurrentCommandsTest {

    @Test
    void racingCommandsKeepMemoryAndStorageInAgreement() throws Exception {
        try (Fixture f = new Fixture()) {
            f.link();
            String uid = f.ops.createKek(f.principal, f.tenant, "k").uid();
            byte[] dek = f.random(32);
            EncryptResult sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(uid, dek, new byte[0]));
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> generations = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 60; i++) {
                        TenantCommand c = switch ((seed + i) % 6) {
                            case 0 -> new TenantCommand.Link(f.tenant, f.rootKey);
                            case 1 -> new TenantCommand.Unlink(f.tenant);
                            case 2 -> new TenantCommand.Disable(f.tenant);
                            case 3 -> new TenantCommand.Enable(f.tenant);
                            case 4 -> new TenantCommand.RotateTenantKey(f.tenant);
                            default -> new TenantCommand.RotateRootKey(f.tenant);
                        };
                        try {
                            CommandResult r = f.commands.execute(c);
                            if (r.changed()) {
                                generations.add(r.status().generation());
                            }
                        } catch (EngineException e) {
                            if (e.code() != ErrorCode.ILLEGAL_STATE) {
                                unexpected.add(e);
                            }
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                        try {
                            f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]));
                        } catch (EngineException e) {
                            // Denied while the tenant is not ACTIVE; the retryable refusal when its keys
                            // were replaced (unlinked and linked again, or a new L2) while the Decrypt ran.
                            if (e.code() != ErrorCode.PERMISSION_DENIED && e.code() != ErrorCode.UNAVAILABLE) {
                                unexpected.add(e);
                            }
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(unexpected).isEmpty();
            assertThat(generations).doesNotHaveDuplicates();
            TenantState state = f.commands.status(f.tenant).orElseThrow().state();
            boolean serving;
            try {
                serving = java.util.Arrays.equals(f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0])), dek);
            } catch (EngineException e) {
                serving = false;
            }
            assertThat(serving).isEqualTo(state == TenantState.ACTIVE);
            if (state == TenantState.DISABLED) {
                f.commands.execute(new TenantCommand.Enable(f.tenant));
            } else if (state != TenantState.ACTIVE) {
                f.link();
            }
            assertThat(f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))).isEqualTo(dek);
        }
    }
}
