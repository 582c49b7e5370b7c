package dev.krypton.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a starting node re-unseals the tenants that storage records as ACTIVE: in the
 * background, at most {@code parallelism} root-key unwraps at a time, at most
 * {@code ratePerSecond.get(provider)} unwraps per second per root-key provider (no entry: no
 * limit), and with exponential backoff from {@code initialBackoff} up to {@code maxBackoff}
 * (with jitter) while a provider answers UNAVAILABLE.
 *
 * @param parallelism     root-key unwraps in flight at once, 1..1024
 * @param ratePerSecond   per provider name, the most unwraps per second (positive)
 * @param initialBackoff  wait before the first retry of an UNAVAILABLE tenant
 * @param maxBackoff      longest wait between retries; retries go on until the tenant loads, is
 *                        denied, leaves ACTIVE in storage or the engine closes
 */
public record StartupOptions(int parallelism, Map<String, Double> ratePerSecond, Duration initialBackoff,
                             Duration maxBackoff) {

    /** Largest accepted parallelism. */
    public static final int MAX_PARALLELISM = 1024;

    public StartupOptions {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw EngineException.invalid("start-up unseal parallelism must be 1.." + MAX_PARALLELISM);
        }
        ratePerSecond = Map.copyOf(Objects.requireNonNull(ratePerSecond, "ratePerSecond"));
        ratePerSecond.forEach((provider, rate) -> {
            if (!(rate > 0) || rate.isInfinite()) {
                throw EngineException.invalid("start-up rate limit of provider '" + provider
                        + "' must be a positive number of calls per second");
            }
        });
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw EngineException.invalid("start-up backoff must be positive and max >= initial");
        }
    }

    /** 32 in parallel, no rate limit, backoff 500 ms doubling up to 30 s. */
    public static StartupOptions defaults() {
        return new StartupOptions(32, Map.of(), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public StartupOptions withParallelism(int value) {
        return new StartupOptions(value, ratePerSecond, initialBackoff, maxBackoff);
    }

    public StartupOptions withRateLimits(Map<String, Double> value) {
        return new StartupOptions(parallelism, value, initialBackoff, maxBackoff);
    }

    public StartupOptions withBackoff(Duration initial, Duration max) {
        return new StartupOptions(parallelism, ratePerSecond, initial, max);
    }
}
