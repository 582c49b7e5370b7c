package dev.krypton.orbital;

import dev.krypton.engine.CommandResult;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.Propagation;
import dev.krypton.engine.ErrorCode;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantCommands;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantState;
import dev.krypton.engine.TenantStatus;
import dev.krypton.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test implementation of the engine's {@link TenantCommands} following the command table of
 * {@code dev.krypton.engine}: an in-memory tenant table, a configurable root-key latency on link
 * (root keys {@code slow*}), root keys {@code hang*} that block until released,
 * root keys named {@code unavailable}/{@code denied} that fail like a provider would, and an
 * {@link #unwrap} probe that stands in for a KMIP Decrypt of the tenant. Its {@link #clock()} stands
 * still: commands commit at its current instant, {@link #afterCommit} moves it on after each commit
 * (the engine's durable audit line) and {@link #awaitPropagation} by the time the answer says it took.
 */
public final class FakeEngine implements TenantCommands {

    private final ConcurrentHashMap<TenantId, TenantStatus> tenants = new ConcurrentHashMap<>();
    private final AtomicInteger effects = new AtomicInteger();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private volatile Duration rootKeyLatency = Duration.ZERO;
    private volatile Propagation propagation = new Propagation(true, Duration.ofMillis(7), List.of());
    private final List<Long> propagationWaits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch hung = new CountDownLatch(1);
    private final AtomicInteger hanging = new AtomicInteger();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private volatile Duration afterCommit = Duration.ZERO;

    /** The engine's clock: give it to the {@link TaskProcessor} that measures from the commit. */
    public ManualClock clock() {
        return clock;
    }

    /** How long each command takes after its commit before it returns (the durable audit line). */
    public void afterCommit(Duration d) {
        this.afterCommit = d;
    }

    /** Each link to a root key whose id starts with {@code slow} waits this long on the "root key". */
    public void rootKeyLatency(Duration latency) {
        this.rootKeyLatency = latency;
    }

    /** Links waiting right now on a {@code hang*} root key. */
    public int hangingLinks() {
        return hanging.get();
    }

    /** Lets every link to a root key named {@code hang*} that is waiting go on. */
    public void releaseHungLinks() {
        hung.countDown();
    }

    /** The next {@code n} commands fail with a transient storage error (UNAVAILABLE). */
    public void failNextWithStorageOutage(int n) {
        failuresToInject.set(n);
    }

    /** What {@link #awaitPropagation} answers from now on (the other nodes of a pretend cluster). */
    public void propagation(Propagation answer) {
        this.propagation = answer;
    }

    /** The generations {@link #awaitPropagation} was asked to wait for, in order. */
    public List<Long> propagationWaits() {
        return List.copyOf(propagationWaits);
    }

    private final List<TenantId> warmUps = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The tenant ids {@link #warmUp} was called with. */
    public List<TenantId> warmUps() {
        return List.copyOf(warmUps);
    }

    @Override
    public void warmUp(TenantId tenant) {
        warmUps.add(tenant);
    }

    @Override
    public Propagation awaitPropagation(TenantId tenant, long generation) {
        propagationWaits.add(generation);
        clock.advance(propagation.took());
        return propagation;
    }

    /** Commands that changed something (idempotent repeats do not count). */
    public int effects() {
        return effects.get();
    }

    /** Whether a data-key unwrap of the tenant would succeed now: only ACTIVE tenants serve. */
    public boolean unwrap(String tenant) {
        TenantStatus s = tenants.get(TenantId.of(tenant));
        return s != null && s.state() == TenantState.ACTIVE;
    }

    @Override
    public CommandResult execute(TenantCommand command) {
        if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new EngineException(ErrorCode.UNAVAILABLE, "storage unavailable");
        }
        if (command instanceof TenantCommand.Link link) {
            callRootKey(link.rootKey());
        }
        List<CommandResult> out = new ArrayList<>(1);
        tenants.compute(command.tenant(), (id, now) -> {
            TenantStatus next = next(command, now);
            boolean changed = now == null || next.state() != now.state() || !next.rootKey().equals(now.rootKey());
            TenantStatus stored = changed ? withGeneration(next, now == null ? 1 : now.generation() + 1) : now;
            if (changed) {
                effects.incrementAndGet();
            }
            out.add(new CommandResult(stored, changed, clock.instant()));
            return stored;
        });
        clock.advance(afterCommit);
        return out.getFirst();
    }

    private void callRootKey(RootKeyRef ref) {
        switch (ref.keyId()) {
            case "unavailable" -> throw new EngineException(ErrorCode.ROOT_KEY_UNAVAILABLE, "provider timed out");
            case "denied" -> throw new EngineException(ErrorCode.ROOT_KEY_DENIED, "key is disabled");
            default -> {
                if (ref.keyId().startsWith("hang")) {
                    awaitRelease();
                }
                if (ref.keyId().startsWith("slow")) {
                    sleep(rootKeyLatency);
                }
            }
        }
    }

    private static TenantStatus next(TenantCommand command, TenantStatus now) {
        TenantState state = now == null ? null : now.state();
        if (now == null && !(command instanceof TenantCommand.Link)) {
            throw new EngineException(ErrorCode.NOT_FOUND, "tenant " + command.tenant() + " is unknown");
        }
        return switch (command) {
            case TenantCommand.Link l -> {
                if (state == TenantState.DISABLED || state == TenantState.DESTROYED) {
                    throw new EngineException(ErrorCode.ILLEGAL_STATE, "tenant is " + state);
                }
                yield status(command.tenant(), TenantState.ACTIVE, Optional.of(l.rootKey()));
            }
            case TenantCommand.Unlink u -> state == TenantState.ACTIVE || state == TenantState.ROOT_REVOKED
                    ? status(u.tenant(), TenantState.UNLINKED, now.rootKey()) : now;
            case TenantCommand.Disable d -> status(d.tenant(), TenantState.DISABLED, now.rootKey());
            case TenantCommand.Enable e -> status(e.tenant(), TenantState.ACTIVE, now.rootKey());
            case TenantCommand.Destroy d -> status(d.tenant(), TenantState.DESTROYED, now.rootKey());
            case TenantCommand.SwitchRootKey s -> status(s.tenant(), state, Optional.of(s.newRootKey()));
            case TenantCommand.RotateRootKey r -> now;
            case TenantCommand.RotateTenantKey r -> now;
        };
    }

    private static TenantStatus status(TenantId id, TenantState state, Optional<RootKeyRef> key) {
        return new TenantStatus(id, state, 0, key, key.map(k -> "1"), 1);
    }

    private static TenantStatus withGeneration(TenantStatus s, long generation) {
        return new TenantStatus(s.tenant(), s.state(), generation, s.rootKey(), s.rootKeyVersion(), s.l2Revision());
    }

    private void awaitRelease() {
        hanging.incrementAndGet();
        try {
            hung.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.UNAVAILABLE, "interrupted");
        } finally {
            hanging.decrementAndGet();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.UNAVAILABLE, "interrupted");
        }
    }

    @Override
    public Optional<TenantStatus> status(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }

    @Override
    public List<TenantStatus> tenants() {
        return tenants.values().stream().sorted((a, b) -> a.tenant().compareTo(b.tenant())).toList();
    }
}
