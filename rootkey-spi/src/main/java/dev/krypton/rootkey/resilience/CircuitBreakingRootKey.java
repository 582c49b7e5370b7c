package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs every call through a (possibly shared) {@link CircuitBreaker}. */
public final class CircuitBreakingRootKey extends GuardedRootKey {

    private final CircuitBreaker breaker;

    public CircuitBreakingRootKey(RootKey delegate, CircuitBreaker breaker) {
        super(delegate);
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    @Override
    protected <T> T guard(String operation, Supplier<T> call, Consumer<? super T> discard) {
        breaker.acquire();
        T result;
        try {
            result = call.get();
        } catch (RootKeyException e) {
            switch (e.failure()) {
                case DENIED -> breaker.onContact();
                case UNAVAILABLE -> breaker.onUnavailable();
            }
            throw e;
        } catch (RuntimeException | Error e) {
            breaker.onUnavailable();
            throw e;
        }
        breaker.onContact();
        return result;
    }
}
