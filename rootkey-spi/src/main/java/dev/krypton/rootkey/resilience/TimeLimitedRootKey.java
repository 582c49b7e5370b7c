package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bounds every call by a deadline. The call runs on its own named virtual thread; when the deadline
 * passes the thread is interrupted and the caller gets UNAVAILABLE at once. A result that arrives
 * later is discarded (an unwrapped key is wiped). Providers whose libraries block uninterruptibly
 * (SunPKCS11) still return to the caller on time; their thread finishes in the background.
 */
public final class TimeLimitedRootKey extends GuardedRootKey {

    private final Duration timeout;

    public TimeLimitedRootKey(RootKey delegate, Duration timeout) {
        super(delegate);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw RootKeyException.denied("root-key timeout must be positive");
        }
    }

    @Override
    protected <T> T guard(String operation, Supplier<T> call, Consumer<? super T> discard) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("rootkey-" + operation).start(() -> {
            try {
                T value = call.get();
                if (!result.complete(value)) {
                    discard.accept(value);
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return abandon(operation, result, worker, "timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(operation, result, worker, "interrupted");
        } catch (ExecutionException e) {
            throw rethrow(operation, e.getCause());
        }
    }

    private <T> T abandon(String operation, CompletableFuture<T> result, Thread worker, String why) {
        if (result.cancel(false)) {
            worker.interrupt();
            throw RootKeyException.unavailable(describe(operation) + " " + why);
        }
        try {
            return result.join();
        } catch (RuntimeException e) {
            throw rethrow(operation, e.getCause() == null ? e : e.getCause());
        }
    }

    private RootKeyException rethrow(String operation, Throwable cause) {
        if (cause instanceof RootKeyException rke) {
            return rke;
        }
        return RootKeyException.unavailable(describe(operation) + " failed unexpectedly: "
                + cause.getClass().getSimpleName());
    }
}
