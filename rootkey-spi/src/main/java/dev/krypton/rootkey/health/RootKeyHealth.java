package dev.krypton.rootkey.health;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.WrapContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The fail-closed probe scheduler of docs/design.md section 6. The engine {@link #watch watches} each
 * ACTIVE tenant with its opened root key; {@link #runDue()} (called on a tick by {@link #start} or
 * by a test with a controlled clock) probes every tenant whose jittered probe time has come and
 * checks autonomy deadlines:
 * <ul>
 *   <li>DENIED: {@link HealthEvent.Denied} at once, so zeroization follows within one probe interval;</li>
 *   <li>UNAVAILABLE: {@link HealthEvent.Degraded}; once {@code maxAutonomy} has passed since the
 *       last success, {@link HealthEvent.AutonomyExpired} (checked on every tick, not only on probes);</li>
 *   <li>success after any of those: {@link HealthEvent.Restored}.</li>
 * </ul>
 * Probes run on {@code probes} (virtual threads in production; the caller's thread in tests), one
 * at a time per tenant, so a slow provider never delays the probes of other tenants.
 */
public final class RootKeyHealth {

    private final HealthPolicy policy;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Executor probes;
    private final Consumer<HealthEvent> listener;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    public RootKeyHealth(HealthPolicy policy, InstantSource clock, RandomGenerator random, Executor probes,
                         Consumer<HealthEvent> listener) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts watching {@code tenantId} (replacing an earlier watch). Call right after a successful
     * link: that contact counts as the last success.
     */
    public void watch(String tenantId, RootKey key, WrapContext context) {
        Instant now = clock.instant();
        watches.put(tenantId, new Watch(tenantId, key, context, now, now.plus(nextGap())));
    }

    /** Stops watching (unlink, disable, destroy). A probe in flight finishes without any event. */
    public void unwatch(String tenantId) {
        watches.remove(tenantId);
    }

    /** The current health of a watched tenant. */
    public Optional<TenantHealth> status(String tenantId) {
        return Optional.ofNullable(watches.get(tenantId)).map(Watch::snapshot);
    }

    /** Probes every tenant that is due and fires autonomy deadlines that have passed. */
    public void runDue() {
        Instant now = clock.instant();
        for (Watch watch : watches.values()) {
            if (watch.expireIfOverdue(now, policy.maxAutonomy())) {
                emit(watch, new HealthEvent.AutonomyExpired(watch.tenantId, watch.snapshot().lastSuccess()));
            }
            if (watch.claimProbe(now, nextGap())) {
                probes.execute(() -> probe(watch));
            }
        }
    }

    /** Calls {@link #runDue()} every {@code tick} on {@code scheduler}; cancel the returned future to stop. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration tick) {
        long nanos = tick.toNanos();
        return scheduler.scheduleWithFixedDelay(this::runDue, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private void probe(Watch watch) {
        Instant started = clock.instant();
        Optional<HealthEvent> event;
        try {
            watch.key.probe(watch.context);
            event = watch.onSuccess(started);
        } catch (RootKeyException e) {
            event = switch (e.failure()) {
                case DENIED -> watch.onDenied(e.getMessage());
                case UNAVAILABLE -> watch.onUnavailable(clock.instant(), policy.maxAutonomy(), e.getMessage());
            };
        } catch (RuntimeException e) {
            event = watch.onUnavailable(clock.instant(), policy.maxAutonomy(), "probe failed: " + e.getClass().getSimpleName());
        }
        event.ifPresent(e -> emit(watch, e));
    }

    private void emit(Watch watch, HealthEvent event) {
        if (watches.get(watch.tenantId) == watch) {
            listener.accept(event);
        }
    }

    private Duration nextGap() {
        long interval = policy.probeInterval().toNanos();
        long shortest = (long) (interval * (1 - policy.jitter()));
        return Duration.ofNanos(shortest + random.nextLong(interval - shortest + 1));
    }
}
