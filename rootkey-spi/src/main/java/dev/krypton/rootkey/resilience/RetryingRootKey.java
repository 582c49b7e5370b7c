package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries UNAVAILABLE failures under a {@link RetryPolicy}; DENIED is returned at once. The last
 * failure is thrown when the attempts are used up.
 */
public final class RetryingRootKey extends GuardedRootKey {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryingRootKey(RootKey delegate, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        super(delegate);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    protected <T> T guard(String operation, Supplier<T> call, Consumer<? super T> discard) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RootKeyException e) {
                if (e.failure() == Failure.DENIED || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                try {
                    sleeper.sleep(policy.backoff(attempt, random));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
