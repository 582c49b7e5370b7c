package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.RootKey;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The standard stack around a provider's key: each attempt bounded by {@code timeout}, UNAVAILABLE
 * attempts retried under {@code retry}, the whole call admitted by a circuit breaker shared per
 * endpoint. Order, outermost first: breaker, retries, per-attempt timeout, provider.
 */
public record Resilience(Duration timeout, RetryPolicy retry, CircuitBreaker breaker, Sleeper sleeper,
                         RandomGenerator random) {

    public Resilience {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /** Wraps {@code key} in the stack. */
    public RootKey decorate(RootKey key) {
        RootKey timed = new TimeLimitedRootKey(key, timeout);
        RootKey retried = new RetryingRootKey(timed, retry, sleeper, random);
        return new CircuitBreakingRootKey(retried, breaker);
    }
}
