package dev.krypton.engine;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.TenantGeneration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * This node's part in a cluster of nodes sharing one store.
 *
 * <p><b>Applied.</b> Node N has applied generation g of tenant T when N's memory is no more
 * permissive than T's record at g (keys wiped unless ACTIVE; a failed load leaves T unloaded).
 * Changes arrive by the change feed and, as the fallback, by a poll that re-reads every tenant
 * generation each {@link ClusterOptions#pollInterval()}; a tenant is synced only when its stored
 * generation is above the one applied, and sync always reads the current record, so memory
 * follows each tenant in generation order. The applied generations go to the store's per-node,
 * per-tenant watermarks ({@code Heartbeats.applied}) at once after a feed sync and with every
 * heartbeat.
 *
 * <p><b>The bound.</b> A poll reads every tenant, applies each newer generation, then writes the
 * watermarks and the heartbeat, whose {@code lastSeen} is the wall-clock time the read began. If
 * all that succeeded within {@link ClusterOptions#publishBound()} of the read's start, the poll
 * confirms the node: it serves until the read's start plus {@link ClusterOptions#revocationStaleness()}
 * and refuses every operation after that ({@link #checkServing()}: one volatile read, no I/O). A
 * poll that could not sync a tenant whose generation moved (its lock held by a long command here)
 * confirms nothing; nor does anything before the first poll. So for a change committed at time
 * t, a node either read it in a poll that began after t and applied it before confirming, or its
 * deadline comes from a poll that began before t and passes before t + staleness.
 *
 * <p><b>Propagation.</b> {@link #awaitPropagation}, called after the commit at t, returns once
 * every other node N of the heartbeat table satisfies one of: (1) its watermark for the tenant is
 * at least g; (2) N has a bound S and S has elapsed since the call (N's deadline then comes from a
 * read that began after t, which applied g, or has passed: this compares only durations); (3) N
 * looks dead: its last confirmation ({@code lastSeen}) is older than S, checked at least a publish
 * bound after the call, so any confirmation N began before t is visible by then. Rule (3) compares
 * wall clocks of two machines: their skew adds to the bound. A node with the bound off never
 * stops serving; it is taken for dead only when it has not confirmed for three of this node's
 * staleness periods (or three polls when this node has no bound either), which is a guess, not a
 * proof.
 */
final class ClusterNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());
    private static final long PROPAGATION_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ClusterOptions options;
    private final Store store;
    private final Lifecycle lifecycle;
    private final Registry registry;
    private final AuditSink audit;
    private final Clock clock;
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private final Map<String, Long> unreported = new ConcurrentHashMap<>();
    private final AtomicLong highest = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long servingUntil;
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final RefusalLog refusals;
    private volatile boolean seeded;
    /** When the last poll that read the store and wrote the heartbeat began (nanoTime, wall clock). */
    private volatile long lastContact;
    private volatile Instant lastContactWall;
    private volatile ScheduledExecutorService timers;

    ClusterNode(ClusterOptions options, Store store, Lifecycle lifecycle, Registry registry, AuditSink audit, Clock clock) {
        this.options = options;
        this.store = store;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.servingUntil = started;
        this.refusals = new RefusalLog(LOG, "node " + options.nodeId() + ", storage not confirmed",
                RefusalLog.DEFAULT_INTERVAL, System::nanoTime);
    }

    String nodeId() {
        return options.nodeId();
    }

    /** Runs the first poll on the caller's thread (so the node serves at once), then polls on a timer. */
    void start() {
        pollQuietly();
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("krypton-cluster-poll").factory());
        timers = t;
        long every = options.pollInterval().toNanos();
        t.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    /** Refuses when the node has not confirmed the store's generations within the staleness bound. */
    void checkServing() {
        if (!serving()) {
            noteRefusing();
            refusals.refused("no storage confirmation within " + options.revocationStaleness().toMillis() + " ms");
            throw new EngineException(ErrorCode.UNAVAILABLE, "this node could not confirm revocations from storage"
                    + " for longer than " + options.revocationStaleness().toMillis() + " ms and refuses every"
                    + " operation until it can; retry (another node may serve)");
        }
    }

    /** Whether the node serves now (always, with the bound off). */
    boolean serving() {
        return !options.bounded() || System.nanoTime() - servingUntil <= 0;
    }

    /**
     * What the node last learnt from its store, without touching it: whether a poll read the store
     * and wrote the heartbeat recently (within the staleness, or three polls with the bound off)
     * and when that poll began. For readiness and status, which must answer while the store hangs.
     */
    Confirmation confirmation() {
        Instant wall = lastContactWall;
        long window = (options.bounded() ? options.revocationStaleness() : options.pollInterval().multipliedBy(3)).toNanos();
        boolean recent = wall != null && System.nanoTime() - lastContact <= window;
        return new Confirmation(serving(), recent, Optional.ofNullable(wall));
    }

    /**
     * One poll: reads every tenant, syncs those whose generation moved past the one applied here,
     * writes the watermarks and the heartbeat, then extends the serving deadline to the poll's start
     * plus the staleness. The first poll only notes ACTIVE tenants that are not in memory: loading
     * them is start-up's work.
     *
     * @return whether the poll confirmed the node
     * @throws EngineException when storage cannot be read or written
     */
    boolean poll() {
        long began = System.nanoTime();
        Instant beganWall = clock.instant();
        boolean complete = true;
        for (TenantGeneration r : store.tenantGenerations()) {
            long known = applied.getOrDefault(r.tenantId(), 0L);
            if (r.generation() <= known) {
                continue;
            }
            TenantId id = TenantId.of(r.tenantId());
            if (!seeded && r.state() == dev.krypton.storage.TenantState.ACTIVE && !registry.isLive(id)) {
                markApplied(r.tenantId(), r.generation());
                continue;
            }
            long g = lifecycle.trySync(id, options.pollInterval().toNanos());
            if (g < 0) {
                complete = false;
            } else if (g > 0) {
                markApplied(r.tenantId(), g);
            }
        }
        seeded = true;
        publish(beganWall);
        lastContact = began;
        lastContactWall = beganWall;
        complete &= System.nanoTime() - began <= options.publishBound().toNanos() || !options.bounded();
        if (complete) {
            long until = began + options.revocationStaleness().toNanos();
            if (until - servingUntil > 0) {
                servingUntil = until;
            }
            if (refusing.compareAndSet(true, false)) {
                refusals.ended();
                audit.record(new AuditEvent(AuditKind.COMMAND, "system", "", "", "cluster-confirm", "ok",
                        "storage confirmed again; serving resumed on node " + options.nodeId()));
            }
        }
        return complete;
    }

    /**
     * A change-feed notice, on the feed's thread. A notice that the tenant left ACTIVE at a
     * generation newer than the one applied here wipes the keys at once, without a storage read or
     * a thread hop ({@link Lifecycle#wipeOnNotice}); then, on {@code syncs}, the tenant is synced
     * from its record and the watermark reported ({@link #syncNow}).
     */
    void noticed(TenantChange change, java.util.concurrent.Executor syncs) {
        TenantId id = TenantId.of(change.tenantId());
        change.knownState().filter(s -> s != dev.krypton.storage.TenantState.ACTIVE)
                .filter(s -> applied.getOrDefault(id.value(), 0L) < change.generation())
                .ifPresent(s -> lifecycle.wipeOnNotice(id, s));
        syncs.execute(() -> syncNow(id, change.generation()));
    }

    /** Syncs one tenant now (a change-feed notice) and reports the watermark at once. */
    void syncNow(TenantId id, long noticed) {
        if (applied.getOrDefault(id.value(), 0L) >= noticed && noticed > 0) {
            return;
        }
        try {
            long g = lifecycle.sync(id);
            if (g > 0) {
                markApplied(id.value(), g);
                store.applied(options.nodeId(), Map.of(id.value(), g));
                unreported.remove(id.value(), g);
            }
        } catch (EngineException e) {
            LOG.log(System.Logger.Level.WARNING, "tenant sync after a change notice failed (the poll retries): "
                    + e.getMessage());
        }
    }

    /** Notes a generation this node wrote itself (its memory already follows it). */
    void markApplied(String tenant, long generation) {
        applied.merge(tenant, generation, Math::max);
        unreported.merge(tenant, generation, Math::max);
        highest.accumulateAndGet(generation, Math::max);
    }

    /** Writes the pending watermarks, then the heartbeat that says the node confirmed at {@code confirmedAt}. */
    private void publish(Instant confirmedAt) {
        Map<String, Long> batch = Map.copyOf(unreported);
        if (!batch.isEmpty()) {
            store.applied(options.nodeId(), batch);
            batch.forEach(unreported::remove);
        }
        store.beat(new NodeHeartbeat(options.nodeId(), confirmedAt, highest.get(), options.revocationStaleness()));
    }

    /** See {@link TenantCommands#awaitPropagation}. */
    Propagation awaitPropagation(TenantId tenant, long generation) {
        long t0 = System.nanoTime();
        long timeout = options.propagationTimeout().toNanos();
        while (true) {
            long elapsed = System.nanoTime() - t0;
            List<String> pending = List.of();
            try {
                Map<String, Propagation.Settled> settled = new TreeMap<>();
                pending = pending(tenant, generation, elapsed, settled);
                if (pending.isEmpty()) {
                    return new Propagation(true, Duration.ofNanos(elapsed), List.of(), settled);
                }
            } catch (EngineException e) {
                pending = List.of();
            }
            if (elapsed >= timeout) {
                return new Propagation(false, Duration.ofNanos(elapsed), pending);
            }
            LockSupport.parkNanos(PROPAGATION_POLL_NANOS);
        }
    }

    /**
     * The other nodes that still hold up the change; fills {@code settled} with why each other node
     * does not. A node both silent and past its deadline counts as silent (the reason that needs no
     * waiting), so the reason does not depend on how late this thread got to look.
     */
    private List<String> pending(TenantId tenant, long generation, long elapsedNanos,
            Map<String, Propagation.Settled> settled) {
        Instant now = clock.instant();
        Map<String, Long> appliedBy = store.appliedBy(tenant);
        List<String> out = new ArrayList<>();
        for (NodeHeartbeat h : store.heartbeats()) {
            if (h.nodeId().equals(options.nodeId())) {
                continue;
            }
            if (appliedBy.getOrDefault(h.nodeId(), 0L) >= generation) {
                settled.put(h.nodeId(), Propagation.Settled.APPLIED);
                continue;
            }
            boolean bounded = !h.revocationStaleness().isZero();
            Duration silence = bounded ? h.revocationStaleness()
                    : (options.bounded() ? options.revocationStaleness() : options.pollInterval()).multipliedBy(3);
            boolean lookedDead = Duration.between(h.lastSeen(), now).compareTo(silence) >= 0;
            if (lookedDead && (!bounded || elapsedNanos >= h.revocationStaleness().dividedBy(4).toNanos())) {
                settled.put(h.nodeId(), Propagation.Settled.SILENT);
                continue;
            }
            if (bounded && elapsedNanos >= h.revocationStaleness().toNanos()) {
                settled.put(h.nodeId(), Propagation.Settled.PAST_DEADLINE);
                continue;
            }
            out.add(h.nodeId());
        }
        return out;
    }

    private void pollQuietly() {
        try {
            if (poll()) {
                return;
            }
        } catch (EngineException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot confirm tenant generations from storage: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cluster poll failed", e);
        }
        if (!serving()) {
            noteRefusing();
            refusals.tick();
        }
    }

    /** Audits, once per outage, that the node stopped serving. */
    private void noteRefusing() {
        if (refusing.compareAndSet(false, true)) {
            audit.record(new AuditEvent(AuditKind.COMMAND, "system", "", "", "cluster-confirm", ErrorCode.UNAVAILABLE.name(),
                    "storage not confirmed within " + options.revocationStaleness().toMillis()
                            + " ms; node " + options.nodeId() + " refuses every operation"));
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t = timers;
        if (t != null) {
            t.shutdownNow();
        }
    }
}
