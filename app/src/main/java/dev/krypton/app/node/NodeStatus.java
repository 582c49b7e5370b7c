package dev.krypton.app.node;

import dev.krypton.crypto.ProcessHardening;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.StartupProgress;
import dev.krypton.engine.TenantState;
import dev.krypton.engine.TenantStatus;
import dev.krypton.kmip.server.RequestMetrics;
import dev.krypton.storage.Storage;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the admin endpoints report about a node: the start-up re-unseal's progress, tenants by
 * state, secure memory, storage reachability, KMIP request metrics and the listeners' ports. Reads only; never a key, never a secret.
 */
final class NodeStatus {

    private final Engine engine;
    private final Storage storage;
    private final SecureMemory memory;
    private final CountingAudit events;
    private final ProcessHardening.Status hardening;
    private final Supplier<Map<String, Integer>> listeners;
    private final RequestMetrics requests;
    private final Supplier<Map<String, Long>> tlsRefusals;
    private final Map<String, Object> warmUp;

    NodeStatus(Engine engine, Storage storage, SecureMemory memory, CountingAudit events,
               ProcessHardening.Status hardening, Supplier<Map<String, Integer>> listeners, RequestMetrics requests,
               Supplier<Map<String, Long>> tlsRefusals, Map<String, Object> warmUp) {
        this.warmUp = Map.copyOf(warmUp);
        this.engine = engine;
        this.tlsRefusals = tlsRefusals;
        this.requests = requests;
        this.events = events;
        this.hardening = hardening;
        this.storage = storage;
        this.memory = memory;
        this.listeners = listeners;
    }

    /** True when a storage read succeeds now. */
    boolean storageReachable() {
        try {
            storage.tenant("krypton-readiness-probe");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the engine serves KMIP now (revocations confirmed within the staleness bound). */
    boolean serving() {
        return engine.serving();
    }

    /** Counts of known tenants per state, every state present. */
    Map<TenantState, Integer> tenantsByState() {
        return byState(engine.commands().tenants());
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
        boolean reachable = storageReachable();
        doc.put("storage", Map.of("reachable", reachable));
        doc.put("cluster", Map.of("nodeId", engine.nodeId(), "serving", engine.serving()));
        if (reachable) {
            List<TenantStatus> all = engine.commands().tenants();
            Map<String, Integer> byState = new LinkedHashMap<>();
            byState(all).forEach((k, v) -> byState.put(k.name(), v));
            doc.put("tenantsByState", byState);
            List<Map<String, Object>> tenants = all.stream()
                    .map(t -> Map.<String, Object>of("tenant", t.tenant().value(), "state", t.state().name(),
                            "generation", t.generation()))
                    .toList();
            doc.put("tenants", tenants);
        }
        SecureMemory.Status m = memory.status();
        doc.put("memory", Map.of("locked", m.locked(), "notLockedReason", m.notLockedReason(),
                "dumpExcluded", m.dumpExcluded(), "bytesInUse", m.bytesInUse(), "capacity", m.capacity(),
                "liveKeys", m.liveKeys()));
        doc.put("process", Map.of("coreDumpsDisabled", hardening.coreDumpsDisabled(), "detail", hardening.detail()));
        doc.put("listeners", listeners.get());
        return doc;
    }
}
