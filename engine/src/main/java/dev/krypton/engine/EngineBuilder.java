package dev.krypton.engine;

import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.health.HealthPolicy;
import dev.krypton.rootkey.health.RootKeyHealth;
import dev.krypton.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Explicit wiring of an {@link Engine}: every part is given by the application (CONTRIBUTING.md item 10).
 * Required: storage, secure memory, crypto engine, root-key providers, policy, audit.
 */
public final class EngineBuilder {

    private Storage storage;
    private SecureMemory memory;
    private CryptoEngine crypto;
    private final Map<String, RootKeyProvider> providers = new HashMap<>();
    private Supplier<Policy> policy;
    private AuditSink audit;
    private Clock clock = Clock.systemUTC();
    private EngineOptions options = EngineOptions.defaults();
    private ClusterOptions cluster = ClusterOptions.defaults();
    private HealthPolicy healthPolicy = HealthPolicy.DEFAULT;
    private Optional<Duration> healthTick = Optional.of(Duration.ofSeconds(1));
    private Executor probes = Executors.newVirtualThreadPerTaskExecutor();
    private StartupOptions startup = StartupOptions.defaults();

    EngineBuilder() {
    }

    public EngineBuilder storage(Storage value) {
        this.storage = Objects.requireNonNull(value);
        return this;
    }

    public EngineBuilder memory(SecureMemory value) {
        this.memory = Objects.requireNonNull(value);
        return this;
    }

    public EngineBuilder crypto(CryptoEngine value) {
        this.crypto = Objects.requireNonNull(value);
        return this;
    }

    /** Root-key providers by their {@link RootKeyProvider#name()}. */
    public EngineBuilder rootKeyProviders(List<RootKeyProvider> value) {
        value.forEach(p -> providers.put(p.name(), p));
        return this;
    }

    public EngineBuilder policy(Supplier<Policy> value) {
        this.policy = Objects.requireNonNull(value);
        return this;
    }

    public EngineBuilder audit(AuditSink value) {
        this.audit = Objects.requireNonNull(value);
        return this;
    }

    public EngineBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    public EngineBuilder options(EngineOptions value) {
        this.options = Objects.requireNonNull(value);
        return this;
    }

    /** Node id, heartbeats, polling and the revocation-staleness bound. */
    public EngineBuilder cluster(ClusterOptions value) {
        this.cluster = Objects.requireNonNull(value);
        return this;
    }

    /** Probe interval, jitter and max-autonomy of the fail-closed rules (docs/design.md section 6). */
    public EngineBuilder healthPolicy(HealthPolicy value) {
        this.healthPolicy = Objects.requireNonNull(value);
        return this;
    }

    /** No background scheduler: probes run only on {@link Engine#checkRootKeys()}, on the caller's thread. */
    public EngineBuilder manualHealthChecks() {
        this.healthTick = Optional.empty();
        this.probes = Runnable::run;
        return this;
    }

    /** Parallelism, per-provider rate limits and backoff of the start-up re-unseal. */
    public EngineBuilder startup(StartupOptions value) {
        this.startup = Objects.requireNonNull(value);
        return this;
    }

    public Engine build() {
        if (storage == null || memory == null || crypto == null || policy == null || audit == null || providers.isEmpty()) {
            throw EngineException.invalid("engine needs storage, memory, crypto, root-key providers, policy and audit");
        }
        RootKeys rootKeys = new RootKeys(providers, new KeyServices(memory, crypto), audit, options.region());
        RootKeyHealth health = new RootKeyHealth(healthPolicy, clock, RandomGenerator.getDefault(), probes, rootKeys::onEvent);
        return new Engine(new Store(storage), new Keys(memory, crypto), rootKeys, health, healthTick, policy, audit,
                clock, options, cluster, startup);
    }
}
