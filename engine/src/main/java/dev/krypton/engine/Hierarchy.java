package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The L3 KEKs of tenants (docs/design.md section 3): loading them into memory on link, re-wrapping
 * them all when L2 changes, and the stored form of each version ({@link L3Format}). Version
 * lifecycle commands live in {@link KekVersions}.
 */
final class Hierarchy {

    /** A KEK or tenant object re-wrapped under a new L2, not yet adopted. */
    record Rewrapped(ManagedObjectRecord record) {
    }

    private final Store store;
    private final Keys keys;
    private final Clock clock;
    private final EngineOptions options;

    Hierarchy(Store store, Keys keys, Clock clock, EngineOptions options) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.options = options;
    }

    /** Unwraps every non-destroyed L3 version of the tenant into {@code rt}. */
    void loadInto(TenantRuntime rt) {
        for (ManagedObjectRecord r : store.objects(ObjectQuery.tenant(rt.tenant.value()).withKind(ObjectKind.KEK))) {
            if (r.state() == dev.krypton.storage.ObjectState.DESTROYED
                    || r.state() == dev.krypton.storage.ObjectState.DESTROYED_COMPROMISED) {
                continue;
            }
            ObjectRef.Kek ref = checkedRef(r);
            KeyHandle key = keys.unwrapKey(rt.l2, r.wrappedBlob(), r.aad());
            rt.keks.put(ref.uid(), live(ref, key, r));
        }
    }

    /**
     * Aligns the live versions of {@code rt} with storage after another node changed them: new
     * state and record, and destroyed versions wiped. Versions not yet in memory load on first use.
     */
    void refresh(TenantRuntime rt) {
        for (ManagedObjectRecord r : store.objects(ObjectQuery.tenant(rt.tenant.value()).withKind(ObjectKind.KEK))) {
            LiveKek live = rt.keks.get(r.uid());
            if (live == null || live.record.generation() >= r.generation()) {
                continue;
            }
            if (r.state() == dev.krypton.storage.ObjectState.DESTROYED
                    || r.state() == dev.krypton.storage.ObjectState.DESTROYED_COMPROMISED) {
                rt.keks.remove(r.uid());
                live.key.wipe();
            } else {
                live.update(r, AttributeCodec.decode(r.attributes()).attributes());
            }
        }
    }

    /**
     * The live version, or (cold path, one storage read) a version another node created since this
     * node loaded the tenant. Destroyed or unknown versions are NOT_FOUND.
     */
    LiveKek find(TenantRuntime rt, ObjectRef.Kek ref) {
        LiveKek k = rt.keks.get(ref.uid());
        if (k != null) {
            return k;
        }
        if (!rt.active()) {
            throw EngineException.denied("tenant " + rt.tenant + " is not ACTIVE");
        }
        ManagedObjectRecord r = store.object(ref.uid())
                .filter(x -> x.tenantId().equals(ref.tenant().value()) && x.kind() == ObjectKind.KEK)
                .filter(x -> x.state() != dev.krypton.storage.ObjectState.DESTROYED
                        && x.state() != dev.krypton.storage.ObjectState.DESTROYED_COMPROMISED)
                .orElseThrow(() -> rt.active() ? EngineException.notFound("no usable KEK version " + ref.uid())
                        : EngineException.denied("tenant " + rt.tenant + " is not ACTIVE"));
        checkedRef(r);
        KeyHandle key = keys.unwrapKey(rt.l2, r.wrappedBlob(), r.aad());
        LiveKek loaded = live(ref, key, r);
        LiveKek winner = rt.keks.putIfAbsent(ref.uid(), loaded);
        if (winner != null) {
            key.wipe();
            return winner;
        }
        if (!rt.active()) {
            key.wipe();
            throw EngineException.denied("tenant " + rt.tenant + " is not ACTIVE");
        }
        return loaded;
    }

    LiveKek live(ObjectRef.Kek ref, KeyHandle key, ManagedObjectRecord r) {
        return new LiveKek(ref, key, new GcmBudget(options.gcmLimit(), options.gcmBlock()), r,
                AttributeCodec.decode(r.attributes()).attributes());
    }

    /** The ref of a stored KEK record, after checking that its AAD is exactly what its fields say. */
    static ObjectRef.Kek checkedRef(ManagedObjectRecord r) {
        if (!(ObjectRef.parse(r.uid()) instanceof ObjectRef.Kek ref) || !ref.tenant().value().equals(r.tenantId())) {
            throw new EngineException(ErrorCode.CRYPTO, "stored KEK record has a malformed uid");
        }
        byte[] expected = L3Format.kekAad(ref.tenant(), ref.kek(), ref.version(), r.revision(), r.createdAtNanos());
        if (!Arrays.equals(expected, r.aad()) || ref.version() != r.version()) {
            throw new EngineException(ErrorCode.CRYPTO, "stored KEK record " + r.uid() + " does not match its AAD");
        }
        return ref;
    }

    /** Wraps a fresh L3 version under L2 and returns its new record (generation 1). */
    ManagedObjectRecord newVersion(TenantRuntime rt, String kek, int version, KeyHandle key) {
        Instant now = clock.instant();
        long nanos = nanos(now);
        byte[] aad = L3Format.kekAad(rt.tenant, kek, version, 0, nanos);
        ObjectAttributes attrs = kekAttributes(kek, ObjectState.ACTIVE, now);
        return new ManagedObjectRecord(new ObjectRef.Kek(rt.tenant, kek, version).uid(), rt.tenant.value(),
                ObjectKind.KEK, kek, dev.krypton.storage.ObjectState.ACTIVE, version, 0, nanos,
                keys.wrapKey(rt.l2, key, aad), aad, AttributeCodec.encode(attrs, 0), 1);
    }

    /**
     * Re-wraps every L3 in memory and every stored tenant object under {@code next}'s L2 as a new
     * revision, adding the writes to {@code writes}; nothing is stored or adopted yet.
     */
    Map<String, Rewrapped> rewrapAll(TenantRuntime old, TenantRuntime next, List<Write> writes) {
        Map<String, Rewrapped> out = new HashMap<>();
        for (LiveKek k : old.keks.values()) {
            ManagedObjectRecord r = k.record;
            int revision = r.revision() + 1;
            byte[] aad = L3Format.kekAad(old.tenant, k.ref.kek(), k.ref.version(), revision, r.createdAtNanos());
            ManagedObjectRecord n = withBlob(r, keys.wrapKey(next.l2, k.key, aad), aad, revision);
            writes.add(new Write.PutObject(n, r.generation()));
            out.put(r.uid(), new Rewrapped(n));
        }
        for (ManagedObjectRecord r : store.objects(ObjectQuery.tenant(old.tenant.value()))) {
            if (r.kind() == ObjectKind.KEK || r.wrappedBlob().length == 0) {
                continue;
            }
            int revision = r.revision() + 1;
            byte[] aad = L3Format.objectAad(r.uid(), revision, r.createdAtNanos());
            KeyHandle material = keys.unwrapKey(old.l2, r.wrappedBlob(), r.aad());
            try {
                writes.add(new Write.PutObject(withBlob(r, keys.wrapKey(next.l2, material, aad), aad, revision),
                        r.generation()));
            } finally {
                material.wipe();
            }
        }
        return out;
    }

    /** Moves the L3 handles to {@code next} with their re-wrapped records, after the write succeeded. */
    void adopt(TenantRuntime old, TenantRuntime next, Map<String, Rewrapped> rewrapped) {
        for (LiveKek k : old.keks.values()) {
            ManagedObjectRecord r = rewrapped.get(k.ref.uid()).record();
            k.update(r, k.attributes);
            next.keks.put(k.ref.uid(), k);
        }
    }

    static ManagedObjectRecord withBlob(ManagedObjectRecord r, byte[] blob, byte[] aad, int revision) {
        return new ManagedObjectRecord(r.uid(), r.tenantId(), r.kind(), r.name(), r.state(), r.version(), revision,
                r.createdAtNanos(), blob, aad, r.attributes(), r.generation() + 1);
    }

    static ManagedObjectRecord withAttributes(ManagedObjectRecord r, ObjectAttributes a, long gcmReserved) {
        return new ManagedObjectRecord(r.uid(), r.tenantId(), r.kind(), r.name(), Store.state(a.state()), r.version(),
                r.revision(), r.createdAtNanos(), a.state() == ObjectState.DESTROYED ? new byte[0] : r.wrappedBlob(),
                a.state() == ObjectState.DESTROYED ? new byte[0] : r.aad(), AttributeCodec.encode(a, gcmReserved),
                r.generation() + 1);
    }

    static ObjectAttributes kekAttributes(String kek, ObjectState state, Instant now) {
        return new ObjectAttributes(List.of(kek), ObjectType.SYMMETRIC_KEY, "AES", 256,
                java.util.Set.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT, KeyUsage.WRAP_KEY, KeyUsage.UNWRAP_KEY), state,
                true, false, now, Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
