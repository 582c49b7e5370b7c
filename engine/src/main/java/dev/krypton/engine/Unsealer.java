package dev.krypton.engine;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-unseals, in the background, the tenants storage records as ACTIVE when a node starts (issue
 * 10): one virtual thread per tenant, at most {@link StartupOptions#parallelism()} of them inside
 * a root-key call, paced per provider; UNAVAILABLE is retried with jittered exponential backoff
 * until it loads, DENIED fails closed (ROOT_REVOKED, audited). While a tenant waits its KMIP
 * requests get a retryable refusal ({@link Registry#active}). Progress is logged every second.
 */
final class Unsealer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Unsealer.class.getName());

    /** A tenant to unseal and the name of its root-key provider. */
    record Pending(TenantId tenant, String provider) {
    }

    private final Lifecycle lifecycle;
    private final Registry registry;
    private final StartupOptions options;
    private final Semaphore slots;
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("krypton-unseal-", 0).factory());
    private final AtomicInteger unsealed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger retrying = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger denied = new AtomicInteger();
    private volatile int total;
    private volatile long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile CountDownLatch firstPass = new CountDownLatch(0);
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile boolean closed;

    Unsealer(Lifecycle lifecycle, Registry registry, StartupOptions options) {
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.options = options;
        this.slots = new Semaphore(options.parallelism());
    }

    /** Marks every tenant as loading (so KMIP answers "retry"), then unseals them in the background. */
    void start(List<Pending> tenants) {
        startNanos = System.nanoTime();
        total = tenants.size();
        firstPass = new CountDownLatch(tenants.size());
        done = new CountDownLatch(tenants.size());
        registry.markLoading(tenants.stream().map(Pending::tenant).toList());
        LOG.log(Level.INFO, "start-up unseal: " + tenants.size() + " ACTIVE tenants, parallelism "
                + options.parallelism() + (options.ratePerSecond().isEmpty() ? "" : ", rate limits " + options.ratePerSecond()));
        for (Pending p : tenants) {
            workers.execute(() -> unseal(p));
        }
        Thread.ofPlatform().daemon().name("krypton-unseal-progress").start(this::report);
    }

    StartupProgress progress() {
        int u = unsealed.get();
        int f = failed.get();
        int s = skipped.get();
        long end = endNanos;
        long elapsed = (end != 0 ? end : System.nanoTime()) - startNanos;
        return new StartupProgress(total, u, Math.max(0, total - u - f - s), f, retrying.get(), s, denied.get(),
                Duration.ofNanos(elapsed));
    }

    /** Waits until every tenant was tried at least once (some may still be retrying). */
    boolean awaitFirstPass(Duration timeout) throws InterruptedException {
        return firstPass.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void unseal(Pending p) {
        boolean first = true;
        boolean isRetrying = false;
        Duration backoff = options.initialBackoff();
        try {
            while (!closed) {
                try {
                    slots.acquire();
                    Lifecycle.Unseal outcome;
                    try {
                        pacer(p.provider()).await();
                        outcome = lifecycle.unseal(p.tenant());
                    } finally {
                        slots.release();
                    }
                    (outcome == Lifecycle.Unseal.LOADED ? unsealed : skipped).incrementAndGet();
                    return;
                } catch (EngineException e) {
                    if (!e.code().retryable()) {
                        fail(p.tenant(), e);
                        return;
                    }
                    if (!isRetrying) {
                        isRetrying = true;
                        retrying.incrementAndGet();
                        LOG.log(Level.WARNING, "start-up unseal of tenant " + p.tenant() + " will be retried: "
                                + e.code() + ": " + e.getMessage());
                    }
                    if (first) {
                        first = false;
                        firstPass.countDown();
                    }
                    Thread.sleep(jittered(backoff));
                    backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0
                            ? options.maxBackoff() : backoff.multipliedBy(2);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "start-up unseal of tenant " + p.tenant() + " failed", e);
                    failed.incrementAndGet();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (isRetrying) {
                retrying.decrementAndGet();
            }
            if (first) {
                firstPass.countDown();
            }
            registry.doneLoading(p.tenant());
            done.countDown();
            if (done.getCount() == 0 && endNanos == 0) {
                endNanos = System.nanoTime();
            }
        }
    }

    private void fail(TenantId tenant, EngineException e) {
        failed.incrementAndGet();
        if (e.code() == ErrorCode.ROOT_KEY_DENIED) {
            denied.incrementAndGet();
            try {
                lifecycle.failClosed(tenant, "root key denied at start-up");
            } catch (RuntimeException storageDown) {
                LOG.log(Level.WARNING, "tenant " + tenant + ": root key denied at start-up; recording ROOT_REVOKED failed: "
                        + storageDown.getMessage());
            }
            return;
        }
        LOG.log(Level.WARNING, "start-up unseal of tenant " + tenant + " failed: " + e.code() + ": " + e.getMessage());
    }

    private static Duration jittered(Duration d) {
        long half = d.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private Pacer pacer(String provider) {
        return pacers.computeIfAbsent(provider, p -> new Pacer(options.ratePerSecond().getOrDefault(p, 0.0)));
    }

    /** Logs progress every second until nothing is pending, then a final line. */
    private void report() {
        try {
            while (!closed && !done.await(1, TimeUnit.SECONDS)) {
                LOG.log(Level.INFO, progress().summary());
            }
        } catch (InterruptedException e) {
            return;
        }
        if (!closed) {
            if (endNanos == 0) {
                endNanos = System.nanoTime();
            }
            LOG.log(Level.INFO, progress().summary() + " (complete)");
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "start-up unseal workers still running after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spaces calls to one provider at least 1/rate apart; a rate of 0 means no limit. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double ratePerSecond) {
            this.intervalNanos = ratePerSecond > 0 ? (long) (1_000_000_000L / ratePerSecond) : 0;
        }

        void await() throws InterruptedException {
            if (intervalNanos == 0) {
                return;
            }
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                slot = Math.max(now, next);
                next = slot + intervalNanos;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
