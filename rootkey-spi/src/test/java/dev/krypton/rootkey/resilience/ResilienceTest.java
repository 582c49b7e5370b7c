package dev.krypton.rootkey.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.MutableClock;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.ScriptedRootKey;
import dev.krypton.rootkey.WrapContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ResilienceTest {

    private static final WrapContext CTX = WrapContext.tenant("t1");
    private final ScriptedRootKey provider = new ScriptedRootKey();
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150));
    private final RootKey retrying = new RetryingRootKey(provider, policy, waits::add, new SplittableRandom(1));

    @Test
    void unavailableIsRetriedUpToTheBoundThenThrown() {
        provider.failing(Failure.UNAVAILABLE);
        assertThatThrownBy(() -> retrying.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        assertThat(provider.calls()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void transientFailureFollowedBySuccessSucceeds() {
        provider.once(Failure.UNAVAILABLE);
        retrying.probe(CTX);
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void deniedIsNeverRetried() {
        provider.failing(Failure.DENIED);
        assertThatThrownBy(() -> retrying.probe(CTX)).isInstanceOf(RootKeyException.class);
        assertThat(provider.calls()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void breakerOpensAfterThresholdAndFailsFastWithoutCallingTheProvider() {
        MutableClock clock = new MutableClock();
        CircuitBreaker breaker = new CircuitBreaker("kms", 2, Duration.ofSeconds(30), clock);
        RootKey key = new CircuitBreakingRootKey(provider, breaker);
        provider.failing(Failure.UNAVAILABLE);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOf(RootKeyException.class);
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        provider.healthy();
        assertThatThrownBy(() -> key.probe(CTX)).hasMessageContaining("circuit breaker kms is open");
        assertThat(provider.calls()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        key.probe(CTX);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.calls()).isEqualTo(3);
    }

    @Test
    void failedTrialReopensTheBreaker() {
        MutableClock clock = new MutableClock();
        CircuitBreaker breaker = new CircuitBreaker("kms", 1, Duration.ofSeconds(10), clock);
        RootKey key = new CircuitBreakingRootKey(provider, breaker);
        provider.failing(Failure.UNAVAILABLE);
        assertThatThrownBy(() -> key.probe(CTX)).isInstanceOf(RootKeyException.class);
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> key.probe(CTX)).hasMessage("scripted UNAVAILABLE");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> key.probe(CTX)).hasMessageContaining("is open");
    }

    @Test
    void deniedAnswersDoNotOpenTheBreaker() {
        CircuitBreaker breaker = new CircuitBreaker("kms", 1, Duration.ofSeconds(10), new MutableClock());
        RootKey key = new CircuitBreakingRootKey(provider, breaker);
        provider.failing(Failure.DENIED);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOf(RootKeyException.class);
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.calls()).isEqualTo(3);
    }

    @Test
    void hangingCallComesBackUnavailableAndTheWorkerIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        RootKey hanging = new ScriptedRootKey() {
            @Override
            public void probe(WrapContext context) {
                try {
                    Thread.sleep(Duration.ofHours(1));
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
        };
        RootKey key = new TimeLimitedRootKey(hanging, Duration.ofMillis(50));
        assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.getMessage()).contains("timed out after 50 ms");
        });
        interrupted.await();
    }

    @Test
    void timeLimitPassesResultsAndFailuresThrough() {
        RootKey key = new TimeLimitedRootKey(provider, Duration.ofSeconds(30));
        key.probe(CTX);
        provider.failing(Failure.DENIED);
        assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class,
                e -> assertThat(e.isDenied()).isTrue());
    }
}
