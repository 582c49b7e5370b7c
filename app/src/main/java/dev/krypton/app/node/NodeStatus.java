package dev.krypton.app.node;

import dev.krypton.crypto.ProcessHardening;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.StartupProgress;
import dev.krypton.engine.TenantState;
import dev.krypton.engine.TenantStatus;
import dev.krypton.kmip.server.RequestMetrics;
import dev.krypton.engine.Confirmation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the admin endpoints report about a node: the start-up re-unseal's progress, tenants by
 * state, secure memory, storage reachability, KMIP request metrics and the listeners' ports. Reads only; never a key, never a secret.
 * Storage reachability is the node's last confirmation (its cluster poll), read from memory, and the
 * tenant listing waits at most {@link #LISTING_BUDGET}: the admin endpoints answer while the store hangs.
 */
final class NodeStatus {

    private final Engine engine;
    private final SecureMemory memory;
    private final CountingAudit events;
    private final ProcessHardening.Status hardening;
    private final Supplier<Map<String, Integer>> listeners;
    private final RequestMetrics requests;
    private final Supplier<Map<String, Long>> tlsRefusals;
    private final Map<String, Object> warmUp;

    NodeStatus(Engine engine, SecureMemory memory, CountingAudit events,
               ProcessHardening.Status hardening, Supplier<Map<String, Integer>> listeners, RequestMetrics requests,
               Supplier<Map<String, Long>> tlsRefusals, Map<String, Object> warmUp) {
        this.warmUp = Map.copyOf(warmUp);
        this.engine = engine;
        this.tlsRefusals = tlsRefusals;
        this.requests = requests;
        this.events = events;
        this.hardening = hardening;
        this.memory = memory;
        this.listeners = listeners;
    }

    /** How long {@code /status} and {@code /metrics} wait for the tenant listing before leaving it out. */
    static final Duration LISTING_BUDGET = Duration.ofMillis(500);

    /**
     * Whether the node's own cluster poll read the store and wrote its heartbeat recently (within the
     * revocation staleness, or three polls with the bound off). Read from memory: readiness must
     * answer at once while the store hangs, so it reports the last confirmation, not a fresh read.
     */
    boolean storageReachable() {
        return engine.confirmation().storageReachable();
    }

    /** Whether the engine serves KMIP now (revocations confirmed within the staleness bound). */
    boolean serving() {
        return engine.serving();
    }

    /**
     * Every known tenant's status, if storage lists them within {@link #LISTING_BUDGET}; empty
     * otherwise (the listing goes on in the background and is dropped). Never on a hung store.
     */
    Optional<List<TenantStatus>> tenants() {
        if (!storageReachable()) {
            return Optional.empty();
        }
        FutureTask<List<TenantStatus>> listing = new FutureTask<>(() -> engine.commands().tenants());
        Thread.ofVirtual().name("krypton-status-listing").start(listing);
        try {
            return Optional.of(listing.get(LISTING_BUDGET.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Counts of known tenants per state, every state present; empty when storage does not list them in time. */
    Optional<Map<TenantState, Integer>> tenantsByState() {
        return tenants().map(NodeStatus::byState);
    }

    private static Map<TenantState, Integer> byState(List<TenantStatus> tenants) {
        Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
        for (TenantState s : TenantState.values()) {
            counts.put(s, 0);
        }
        for (TenantStatus t : tenants) {
            counts.merge(t.state(), 1, Integer::sum);
        }
        return counts;
    }

    SecureMemory.Status memory() {
        return memory.status();
    }

    Map<CountingAudit.Series, Long> events() {
        return events.snapshot();
    }

    /** The KMIP listener's request latency and outcome counts. */
    RequestMetrics requests() {
        return requests;
    }

    Map<String, Integer> listeners() {
        return listeners.get();
    }

    /** Connections each listener refused during the TLS handshake, since start. */
    Map<String, Long> tlsRefusals() {
        return tlsRefusals.get();
    }

    StartupProgress startup() {
        return engine.startupProgress();
    }

    /** The start-up re-unseal's progress: the {@code startup} section of {@code /status}. */
    Map<String, Object> startupSection() {
        StartupProgress p = engine.startupProgress();
        Map<String, Object> startup = new LinkedHashMap<>();
        startup.put("complete", p.complete());
        startup.put("total", p.total());
        startup.put("unsealed", p.unsealed());
        startup.put("pending", p.pending());
        startup.put("failed", p.failed());
        startup.put("retrying", p.retrying());
        startup.put("skipped", p.skipped());
        startup.put("denied", p.denied());
        startup.put("elapsedMillis", p.elapsed().toMillis());
        return startup;
    }

    /** The document served at {@code /status}. */
    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("startup", startupSection());
        doc.put("warmUp", warmUp);
        Confirmation c = engine.confirmation();
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("reachable", c.storageReachable());
        storage.put("lastConfirmed", c.lastContact().map(Instant::toString).orElse(""));
        doc.put("storage", storage);
        doc.put("cluster", Map.of("nodeId", engine.nodeId(), "serving", c.serving()));
        tenants().ifPresent(all -> {
            Map<String, Integer> byState = new LinkedHashMap<>();
            byState(all).forEach((k, v) -> byState.put(k.name(), v));
            doc.put("tenantsByState", byState);
            List<Map<String, Object>> tenants = all.stream()
                    .map(t -> Map.<String, Object>of("tenant", t.tenant().value(), "state", t.state().name(),
                            "generation", t.generation()))
                    .toList();
            doc.put("tenants", tenants);
        });
        SecureMemory.Status m = memory.status();
        doc.put("memory", Map.of("locked", m.locked(), "notLockedReason", m.notLockedReason(),
                "dumpExcluded", m.dumpExcluded(), "bytesInUse", m.bytesInUse(), "capacity", m.capacity(),
                "liveKeys", m.liveKeys()));
        doc.put("process", Map.of("coreDumpsDisabled", hardening.coreDumpsDisabled(), "detail", hardening.detail()));
        doc.put("listeners", listeners.get());
        return doc;
    }
}
