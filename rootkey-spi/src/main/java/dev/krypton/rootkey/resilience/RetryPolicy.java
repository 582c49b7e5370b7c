package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.RootKeyException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with exponential backoff and jitter, for UNAVAILABLE failures only (a DENIED
 * answer is final). Attempt {@code n} (1-based) waits a random time in
 * {@code [b/2, b]} with {@code b = min(maxBackoff, initialBackoff * 2^(n-1))} before attempt n+1.
 *
 * @param maxAttempts    total attempts including the first, at least 1
 * @param initialBackoff wait before the second attempt (upper bound)
 * @param maxBackoff     cap of any single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Three attempts, 200 ms then 400 ms (upper bounds). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));

    /** No retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 10 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw RootKeyException.denied("retry policy needs 1..10 attempts and 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt, RandomGenerator random) {
        long cap = maxBackoff.toNanos();
        long base = initialBackoff.toNanos();
        long upper = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 40));
        if (upper <= 0) {
            return Duration.ZERO;
        }
        long half = upper / 2;
        return Duration.ofNanos(half + random.nextLong(upper - half + 1));
    }
}
