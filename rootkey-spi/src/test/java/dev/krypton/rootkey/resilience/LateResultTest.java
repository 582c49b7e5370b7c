package dev.krypton.rootkey.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.ScriptedRootKey;
import dev.krypton.rootkey.WrapContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A key unwrapped after the caller gave up must be wiped, not left in memory unreferenced. */
class LateResultTest {

    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void keyUnwrappedAfterTheTimeoutIsWiped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<KeyHandle> produced = new CompletableFuture<>();
        RootKey slow = new ScriptedRootKey() {
            @Override
            public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // the provider ignores interruption, like a blocking native call
                }
                KeyHandle key = memory.random(32);
                produced.complete(key);
                return key;
            }
        };
        RootKey key = new TimeLimitedRootKey(slow, Duration.ofMillis(50));
        RootKeyBlob blob = new RootKeyBlob("scripted", "key-1", "", "none", new byte[] {1});
        assertThatThrownBy(() -> key.unwrap(blob, WrapContext.tenant("t1"))).isInstanceOfSatisfying(RootKeyException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        release.countDown();
        KeyHandle late = produced.get();
        for (int i = 0; i < 1000 && !late.isWiped(); i++) {
            Thread.sleep(10);
        }
        assertThat(late.isWiped()).isTrue();
    }
}
