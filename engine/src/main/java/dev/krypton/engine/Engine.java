package dev.krypton.engine;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Policy;
import dev.krypton.storage.TenantRecord;
import dev.krypton.rootkey.health.RootKeyHealth;
import dev.krypton.storage.ChangeFeed;
import java.util.concurrent.ExecutorService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The Krypton engine, wired from its parts (docs/design.md section 2): storage (untrusted, wrapped
 * material only), the crypto engine and secure memory, the root-key providers, the policy and
 * the audit sink. Hand {@link #commands()} to the Orbital intake and {@link #operations()} to the
 * KMIP server; call {@link #start()} once and {@link #close()} at shutdown (wipes every key).
 */
public final class Engine implements AutoCloseable {

    private final Store store;
    private final Registry registry;
    private final Lifecycle lifecycle;
    private final Commands commands;
    private final Operations operations;
    private final AuditSink audit;
    private final RootKeys rootKeys;
    private final RootKeyHealth health;
    private final Optional<Duration> healthTick;
    private final ClusterNode cluster;
    private volatile ScheduledExecutorService scheduler;
    private volatile Optional<ChangeFeed.Subscription> feed = Optional.empty();
    private final Unsealer unsealer;
    private final ExecutorService syncs = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("krypton-tenant-sync").factory());

    Engine(Store store, Keys keys, RootKeys rootKeys, RootKeyHealth health, Optional<Duration> healthTick,
           Supplier<Policy> policy, AuditSink audit, Clock clock, EngineOptions options, ClusterOptions clusterOptions,
           StartupOptions startup) {
        this.store = store;
        this.audit = audit;
        this.rootKeys = rootKeys;
        this.health = health;
        this.healthTick = healthTick;
        this.registry = new Registry();
        Hierarchy hierarchy = new Hierarchy(store, keys, clock, options);
        this.lifecycle = new Lifecycle(store, registry, hierarchy, rootKeys, keys, audit, clock, options.region());
        this.cluster = new ClusterNode(clusterOptions, store, lifecycle, registry, audit, clock);
        this.commands = new Commands(lifecycle, store, cluster);
        Store requests = store.forRequests(new RequestBudget(clusterOptions.requestBudget()));
        Hierarchy requestHierarchy = new Hierarchy(requests, keys, clock, options);
        KekVersions keks = new KekVersions(requests, registry, requestHierarchy, keys, clock);
        AttributeMemo memo = new AttributeMemo();
        this.operations = new Operations(policy, audit, keks, new TenantObjects(requests, registry, keys, clock, memo),
                new Ciphers(registry, keks, requestHierarchy, keys), new Locator(requests, registry, memo), registry,
                options, new Leases(registry, cluster));
        this.unsealer = new Unsealer(lifecycle, registry, startup);
    }

    /** Starts building an engine. */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /** Lifecycle commands, for the Orbital intake. */
    public TenantCommands commands() {
        return commands;
    }

    /** KMIP-level operations, for the KMIP server. */
    public KeyOperations operations() {
        return operations;
    }

    /**
     * Starts root-key health monitoring and the change feed, reads which tenants storage records
     * as ACTIVE (after a restart or on a second node) and returns; those tenants are re-unsealed in
     * the background ({@link StartupOptions}), and until one is loaded its KMIP requests get a
     * retryable UNAVAILABLE. A tenant whose root key is denied becomes ROOT_REVOKED; one whose
     * provider is unreachable is retried with backoff. See {@link #startupProgress()}.
     */
    public void start() {
        rootKeys.monitor(health, new RootKeys.Health() {
            @Override
            public void denied(TenantId tenant, String why) {
                lifecycle.failClosed(tenant, "root key denied: " + why);
            }

            @Override
            public void autonomyExpired(TenantId tenant) {
                lifecycle.failClosed(tenant, "root key unreachable for longer than max-autonomy");
            }

            @Override
            public void usable(TenantId tenant) {
                lifecycle.restore(tenant);
            }
        });
        feed = store.changeFeed().map(f -> f.subscribe(ChangeFeed.listener(
                change -> cluster.noticed(change, syncs),
                () -> syncs.execute(this::syncAll))));
        List<Unsealer.Pending> active = new ArrayList<>();
        for (TenantRecord r : store.tenants()) {
            if (r.state() == dev.krypton.storage.TenantState.ACTIVE) {
                active.add(new Unsealer.Pending(TenantId.of(r.tenantId()), r.rootKey().provider()));
            }
        }
        unsealer.start(active);
        cluster.start();
        healthTick.ifPresent(tick -> {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("krypton-rootkey-health").factory());
            health.start(scheduler, tick);
        });
    }

    /** How far the start-up re-unseal has come (all zero before {@link #start()}). */
    public StartupProgress startupProgress() {
        return unsealer.progress();
    }

    /**
     * Waits until the start-up re-unseal has tried every tenant once (tenants whose root key is
     * unavailable may still be retrying); false if {@code timeout} passed first.
     */
    public boolean awaitStartup(Duration timeout) throws InterruptedException {
        return unsealer.awaitFirstPass(timeout);
    }

    /** Re-reads every tenant and aligns memory with storage (after the feed may have lost notices). */
    public void syncAll() {
        for (TenantRecord r : store.tenants()) {
            cluster.syncNow(TenantId.of(r.tenantId()), 0);
        }
    }

    /** This node's id in the cluster's heartbeat table. */
    public String nodeId() {
        return cluster.nodeId();
    }

    /**
     * Whether this node serves KMIP now: false while it cannot confirm the tenant generations from
     * storage for longer than the revocation staleness.
     */
    public boolean serving() {
        return cluster.serving();
    }

    /**
     * What the node last confirmed from its store (for readiness and status): read from memory,
     * never from the store, so it answers at once while the store hangs.
     */
    public Confirmation confirmation() {
        return cluster.confirmation();
    }

    /**
     * Probes every root key that is due now and fires autonomy deadlines (what the scheduler does
     * on each tick; for tests with a controlled clock and for an operator's "probe now").
     */
    public void checkRootKeys() {
        health.runDue();
    }

    /** Stops monitoring and wipes every key in memory. Storage and audit stay open (owned by the caller). */
    @Override
    public void close() {
        cluster.close();
        feed.ifPresent(ChangeFeed.Subscription::close);
        unsealer.close();
        syncs.shutdownNow();
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
        }
        registry.zeroizeAll();
        rootKeys.close();
        audit.record(new AuditEvent(AuditKind.ZEROIZE, "system", "", "", "shutdown", "ok", "all keys wiped"));
    }
}
