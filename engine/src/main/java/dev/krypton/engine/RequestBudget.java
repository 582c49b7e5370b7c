package dev.krypton.engine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How long a KMIP request may wait for one storage call or for its tenant's command lock. A node
 * that cannot reach its store must answer the retryable refusal, not hang: a JDBC call blocked on
 * a silent network (a pool waiting for a connection, a socket read with nothing coming back, the
 * storage layer's own retries) cannot be interrupted reliably, so the call runs on a virtual
 * thread and the request waits for it at most {@link #limit()}. A call that overruns goes on in
 * the background until the driver gives up; its result is dropped, and a write it makes may still
 * land (as with any time-out, the caller cannot know). The budget is derived from
 * {@link ClusterOptions#requestBudget()}, half the revocation staleness, so a request that passed
 * the serving check just before the node's window ended is refused well before it could matter.
 */
final class RequestBudget {

    /** No limit: calls run on the caller's thread (commands, the cluster poll, start-up). */
    static final RequestBudget NONE = new RequestBudget(Duration.ZERO);

    private final Duration limit;

    RequestBudget(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /** Runs {@code call}, waiting at most the budget for its answer, else the retryable refusal. */
    <T> T call(Supplier<T> call) {
        if (limit.isZero()) {
            return call.get();
        }
        FutureTask<T> task = new FutureTask<>(call::get);
        Thread.ofVirtual().name("krypton-request-storage").start(task);
        return await(task);
    }

    /** Takes {@code lock}, waiting at most the budget (a long command may hold it), else the retryable refusal. */
    void lock(ReentrantLock lock) {
        if (limit.isZero()) {
            lock.lock();
            return;
        }
        try {
            if (!lock.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw overrun("the tenant's command lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overrun("the tenant's command lock");
        }
    }

    private <T> T await(Future<T> task) {
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw overrun("storage");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overrun("storage");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new EngineException(ErrorCode.INTERNAL, "storage call failed", e.getCause());
        }
    }

    private EngineException overrun(String what) {
        return new EngineException(ErrorCode.UNAVAILABLE, what + " did not answer within the request budget of "
                + limit.toMillis() + " ms; retry (another node may serve)");
    }
}
