package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lifecycle of L3 KEK versions (docs/design.md section 3, KMIP 1.4 sections 4.1, 4.4, 4.20, 4.21):
 * create (version 1), rotate (new ACTIVE version, previous one DEACTIVATED = decrypt only),
 * revoke, destroy (crypto-shred of every L4 the version wrapped), and GCM budget reservation.
 * Each runs under the tenant's command lock and changes memory only after storage accepted it.
 */
final class KekVersions {

    private final Store store;
    private final Registry registry;
    private final Hierarchy hierarchy;
    private final Keys keys;
    private final Clock clock;

    KekVersions(Store store, Registry registry, Hierarchy hierarchy, Keys keys, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.hierarchy = hierarchy;
        this.keys = keys;
        this.clock = clock;
    }

    ManagedObject create(TenantId tenant, String kek) {
        ObjectRef.requireKekName(kek);
        return locked(tenant, () -> {
            TenantRuntime rt = registry.active(tenant);
            if (!versions(tenant, kek).isEmpty()) {
                throw EngineException.invalid("KEK " + kek + " already exists in tenant " + tenant + "; use ReKey");
            }
            return add(rt, kek, 1, List.of());
        });
    }

    ManagedObject rekey(ObjectRef.Kek ref) {
        return locked(ref.tenant(), () -> {
            TenantRuntime rt = registry.active(ref.tenant());
            List<ManagedObjectRecord> all = versions(ref.tenant(), ref.kek());
            if (all.stream().noneMatch(r -> r.uid().equals(ref.uid()))) {
                throw EngineException.notFound("no KEK version " + ref.uid());
            }
            int next = all.stream().mapToInt(ManagedObjectRecord::version).max().orElse(0) + 1;
            return add(rt, ref.kek(), next, all.stream()
                    .filter(r -> r.state() == dev.krypton.storage.ObjectState.ACTIVE).toList());
        });
    }

    /** Rotates {@code ref}'s KEK if {@code ref} is still its ACTIVE version; returns the ACTIVE uid. */
    String rotateExhausted(ObjectRef.Kek ref) {
        return locked(ref.tenant(), () -> {
            TenantRuntime rt = registry.active(ref.tenant());
            LiveKek k = rt.kek(ref);
            if (k.state() != ObjectState.ACTIVE) {
                return rt.keks.values().stream().filter(x -> x.ref.kek().equals(ref.kek()) && x.state() == ObjectState.ACTIVE)
                        .map(x -> x.ref.uid()).findFirst().orElse(ref.uid());
            }
            return rekey(ref).uid();
        });
    }

    private ManagedObject add(TenantRuntime rt, String kek, int version, List<ManagedObjectRecord> deactivate) {
        KeyHandle key = keys.randomKey();
        try {
            ManagedObjectRecord rec = hierarchy.newVersion(rt, kek, version, key);
            Instant now = clock.instant();
            List<Write> writes = new java.util.ArrayList<>();
            writes.add(new Write.PutObject(rec, Write.ABSENT));
            for (ManagedObjectRecord old : deactivate) {
                writes.add(new Write.PutObject(transition(old, ObjectState.DEACTIVATED, now), old.generation()));
            }
            UndoJournal.irreversibleChange();
            store.write(withTenantNotice(rt.tenant, writes));
            for (Write w : writes.subList(1, writes.size())) {
                ManagedObjectRecord r = ((Write.PutObject) w).record();
                LiveKek live = rt.keks.get(r.uid());
                if (live != null) {
                    live.update(r, AttributeCodec.decode(r.attributes()).attributes());
                }
            }
            LiveKek live = hierarchy.live(new ObjectRef.Kek(rt.tenant, kek, version), key, rec);
            rt.keks.put(live.ref.uid(), live);
            return live.view();
        } catch (RuntimeException e) {
            key.wipe();
            throw e;
        }
    }

    ManagedObject revoke(ObjectRef.Kek ref, RevocationReason reason) {
        return locked(ref.tenant(), () -> {
            TenantRuntime rt = registry.active(ref.tenant());
            ManagedObjectRecord r = stored(ref);
            ObjectState target = reason.compromise() ? ObjectState.COMPROMISED : ObjectState.DEACTIVATED;
            ObjectState now = AttributeCodec.decode(r.attributes()).attributes().state();
            if (now == ObjectState.DESTROYED || (now == ObjectState.COMPROMISED && target == ObjectState.DEACTIVATED)) {
                throw EngineException.illegalState("KEK version " + ref.uid() + " is " + now + "; cannot revoke to " + target);
            }
            ManagedObjectRecord next = transition(r, target, clock.instant());
            UndoJournal.irreversibleChange();
            store.write(withTenantNotice(ref.tenant(), List.of(new Write.PutObject(next, r.generation()))));
            LiveKek live = rt.keks.get(ref.uid());
            if (live != null) {
                live.update(next, AttributeCodec.decode(next.attributes()).attributes());
            }
            return new ManagedObject(ref.uid(), ref.tenant(), ManagedObject.Kind.KEK_VERSION,
                    AttributeCodec.decode(next.attributes()).attributes());
        });
    }

    void destroy(ObjectRef.Kek ref) {
        locked(ref.tenant(), () -> {
            TenantRuntime rt = registry.active(ref.tenant());
            ManagedObjectRecord r = stored(ref);
            ObjectState now = AttributeCodec.decode(r.attributes()).attributes().state();
            if (now == ObjectState.ACTIVE) {
                throw EngineException.illegalState("KEK version " + ref.uid() + " is ACTIVE; revoke or rotate it first");
            }
            if (now == ObjectState.DESTROYED) {
                return null;
            }
            UndoJournal.irreversibleChange();
            store.write(withTenantNotice(ref.tenant(), List.of(
                    new Write.PutObject(transition(r, ObjectState.DESTROYED, clock.instant()), r.generation()))));
            LiveKek live = rt.keks.remove(ref.uid());
            if (live != null) {
                live.key.wipe();
            }
            return null;
        });
    }

    /** Reserves the next block of GCM invocations for {@code k} with a CAS on its record. */
    GcmBudget.Range reserve(LiveKek k, long size, long limit) {
        for (int attempt = 0; ; attempt++) {
            ManagedObjectRecord r = store.object(k.ref.uid())
                    .orElseThrow(() -> EngineException.notFound("KEK version " + k.ref.uid() + " is gone"));
            AttributeCodec.Stored s = AttributeCodec.decode(r.attributes());
            long start = s.gcmReserved();
            long end = Math.min(limit, start + size);
            if (start >= end) {
                return new GcmBudget.Range(start, start);
            }
            ManagedObjectRecord next = Hierarchy.withAttributes(r, s.attributes(), end);
            try {
                store.write(new Write.PutObject(next, r.generation()));
                k.update(next, s.attributes());
                return new GcmBudget.Range(start, end);
            } catch (EngineException e) {
                if (!Store.conflict(e) || attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /**
     * Adds a generation bump of the tenant record to a KEK change, in the same atomic write, so
     * other nodes hear of it through the change feed and refresh their copies of the versions.
     */
    private List<Write> withTenantNotice(TenantId tenant, List<Write> writes) {
        TenantRecord t = store.tenant(tenant).orElseThrow(() -> EngineException.notFound("tenant " + tenant + " is unknown"));
        List<Write> all = new java.util.ArrayList<>(writes);
        all.add(new Write.PutTenant(new TenantRecord(t.tenantId(), t.state(), t.generation() + 1, t.rootKey(),
                t.wrappedL2(), t.region(), t.owner(), clock.instant()), t.generation()));
        return all;
    }

    private ManagedObjectRecord transition(ManagedObjectRecord r, ObjectState target, Instant now) {
        AttributeCodec.Stored s = AttributeCodec.decode(r.attributes());
        ObjectAttributes a = s.attributes();
        ObjectAttributes next = new ObjectAttributes(a.names(), a.type(), a.algorithm(), a.lengthBits(), a.usage(),
                target, a.sensitive(), a.extractable(), a.initialDate(), a.activationDate(),
                target == ObjectState.DEACTIVATED || target == ObjectState.COMPROMISED
                        ? Optional.of(a.deactivationDate().orElse(now)) : a.deactivationDate(),
                target == ObjectState.COMPROMISED ? Optional.of(now) : a.compromiseDate(),
                target == ObjectState.DESTROYED ? Optional.of(now) : a.destroyDate(), a.custom());
        return Hierarchy.withAttributes(r, next, s.gcmReserved());
    }

    private ManagedObjectRecord stored(ObjectRef.Kek ref) {
        return store.object(ref.uid()).orElseThrow(() -> EngineException.notFound("no KEK version " + ref.uid()));
    }

    private List<ManagedObjectRecord> versions(TenantId tenant, String kek) {
        return store.objects(ObjectQuery.tenant(tenant.value()).withKind(ObjectKind.KEK).withName(kek));
    }

    private <T> T locked(TenantId tenant, Supplier<T> action) {
        ReentrantLock lock = registry.lock(tenant);
        store.budget().lock(lock);
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
