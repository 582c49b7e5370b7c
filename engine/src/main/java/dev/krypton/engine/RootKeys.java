package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.health.HealthEvent;
import dev.krypton.rootkey.health.RootKeyHealth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's use of the root-key SPI (docs/design.md section 6): opens each root key once, wraps and
 * unwraps L2 with the tenant (and region) as context, classifies failures as ROOT_KEY_DENIED or
 * ROOT_KEY_UNAVAILABLE, audits every call, and feeds the fail-closed health scheduler.
 */
final class RootKeys implements AutoCloseable {

    /** What the engine does on health events. */
    interface Health {
        void denied(TenantId tenant, String why);

        void autonomyExpired(TenantId tenant);

        void usable(TenantId tenant);
    }

    /** A wrapped L2: the encoded provider blob and the key version that made it. */
    record Wrapped(byte[] blob, String keyVersion) {
    }

    private final Map<String, RootKeyProvider> providers;
    private final KeyServices services;
    private final AuditSink audit;
    private final String region;
    private final Map<RootKeyRef, RootKey> open = new ConcurrentHashMap<>();
    private volatile RootKeyHealth health;
    private volatile Health listener;

    RootKeys(Map<String, RootKeyProvider> providers, KeyServices services, AuditSink audit, String region) {
        this.providers = Map.copyOf(providers);
        this.services = services;
        this.audit = audit;
        this.region = region;
    }

    Wrapped wrap(RootKeyRef ref, TenantId tenant, KeyHandle l2) {
        RootKeyBlob blob = call("wrap", ref, tenant, () -> key(ref).wrap(l2, context(tenant)));
        return new Wrapped(blob.encode(), blob.keyVersion());
    }

    KeyHandle unwrap(RootKeyRef ref, TenantId tenant, byte[] encoded) {
        KeyHandle l2 = call("unwrap", ref, tenant, () -> key(ref).unwrap(RootKeyBlob.decode(encoded), context(tenant)));
        RootKeyHealth h = health;
        if (h != null) {
            h.watch(tenant.value(), key(ref), context(tenant));
        }
        return l2;
    }

    /** Watches a freshly created tenant (its first link wrapped rather than unwrapped). */
    void watch(RootKeyRef ref, TenantId tenant) {
        RootKeyHealth h = health;
        if (h != null) {
            h.watch(tenant.value(), key(ref), context(tenant));
        }
    }

    /** Stops probing a tenant that was unlinked, disabled or destroyed by command. */
    void unwatch(TenantId tenant) {
        RootKeyHealth h = health;
        if (h != null) {
            h.unwatch(tenant.value());
        }
    }

    void monitor(RootKeyHealth scheduler, Health events) {
        this.listener = events;
        this.health = scheduler;
    }

    /** Routes a scheduler event to the engine; used as the scheduler's listener. */
    void onEvent(HealthEvent event) {
        Health l = listener;
        if (l == null) {
            return;
        }
        TenantId tenant = TenantId.of(event.tenantId());
        switch (event) {
            case HealthEvent.Denied d -> l.denied(tenant, d.reason());
            case HealthEvent.AutonomyExpired a -> l.autonomyExpired(tenant);
            case HealthEvent.Restored r -> l.usable(tenant);
            case HealthEvent.Degraded d -> audit.record(new AuditEvent(AuditKind.ROOT_KEY, "system", d.tenantId(), "",
                    "probe", "UNAVAILABLE", "serving until " + d.deadline()));
        }
    }

    private RootKey key(RootKeyRef ref) {
        return open.computeIfAbsent(ref, r -> {
            RootKeyProvider p = providers.get(r.provider());
            if (p == null) {
                throw new EngineException(ErrorCode.INVALID_ARGUMENT, "no root-key provider named '" + r.provider() + "'");
            }
            return p.open(new dev.krypton.rootkey.RootKeyRef(r.provider(), r.keyId(), "", r.metadata()), services);
        });
    }

    private WrapContext context(TenantId tenant) {
        return new WrapContext(tenant.value(), region);
    }

    private <T> T call(String action, RootKeyRef ref, TenantId tenant, Supplier<T> body) {
        String object = ref.provider() + "/" + ref.keyId();
        try {
            T result = body.get();
            audit.record(new AuditEvent(AuditKind.ROOT_KEY, "system", tenant.value(), object, action, "ok", ""));
            return result;
        } catch (RootKeyException e) {
            ErrorCode code = e.isDenied() ? ErrorCode.ROOT_KEY_DENIED : ErrorCode.ROOT_KEY_UNAVAILABLE;
            audit.record(new AuditEvent(AuditKind.ROOT_KEY, "system", tenant.value(), object, action, code.name(),
                    e.getMessage()));
            throw new EngineException(code, "root key " + object + " refused " + action + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        open.values().forEach(RootKey::close);
        open.clear();
    }
}
