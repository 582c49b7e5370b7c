package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keys and secret data that clients create or register (KMIP 1.4 sections 4.1, 4.3, 4.11):
 * kept wrapped under the tenant's L2 with AES-256-GCM (blob as {@link L3Format}, AAD
 * {@code <uid>:<revision>:<createdAtNanos>}), so the kill switch covers them. Sensitive and
 * non-Extractable objects never leave as plaintext (KMIP 1.4 sections 3.39, 3.40).
 */
final class TenantObjects {

    private static final int MAX_SECRET = 64 * 1024;
    private static final Set<Integer> AES_BITS = Set.of(128, 192, 256);

    private final Store store;
    private final Registry registry;
    private final Keys keys;
    private final Clock clock;
    private final AttributeMemo memo;

    TenantObjects(Store store, Registry registry, Keys keys, Clock clock, AttributeMemo memo) {
        this.store = store;
        this.registry = registry;
        this.keys = keys;
        this.clock = clock;
        this.memo = memo;
    }

    ManagedObject create(TenantId tenant, ObjectTemplate t) {
        if (!"AES".equals(t.algorithm()) || !AES_BITS.contains(t.lengthBits())) {
            throw EngineException.invalid("Create supports AES keys of 128, 192 or 256 bits");
        }
        TenantRuntime rt = registry.active(tenant);
        KeyHandle key = keys.randomKey(t.lengthBits() / 8);
        try {
            return store(rt, ObjectType.SYMMETRIC_KEY, key, t);
        } finally {
            key.wipe();
        }
    }

    ManagedObject register(TenantId tenant, ObjectType type, byte[] material, ObjectTemplate t) {
        if (material.length == 0 || material.length > MAX_SECRET) {
            throw EngineException.invalid("registered material must be 1 to " + MAX_SECRET + " bytes");
        }
        if (type == ObjectType.SYMMETRIC_KEY && "AES".equals(t.algorithm())
                && (!AES_BITS.contains(material.length * 8) || (t.lengthBits() != 0 && t.lengthBits() != material.length * 8))) {
            throw EngineException.invalid("an AES key must be 16, 24 or 32 bytes and match its length attribute");
        }
        TenantRuntime rt = registry.active(tenant);
        KeyHandle key = keys.copyOf(material);
        Arrays.fill(material, (byte) 0);
        try {
            ObjectTemplate sized = new ObjectTemplate(t.names(), t.algorithm(), material.length * 8, t.usage(),
                    t.sensitive(), t.extractable(), t.custom(), t.activate());
            return store(rt, type, key, sized);
        } finally {
            key.wipe();
        }
    }

    private ManagedObject store(TenantRuntime rt, ObjectType type, KeyHandle key, ObjectTemplate t) {
        Instant now = clock.instant();
        long nanos = Hierarchy.nanos(now);
        String uid = new ObjectRef.Tenant(rt.tenant, UUID.randomUUID().toString()).uid();
        byte[] aad = L3Format.objectAad(uid, 0, nanos);
        ObjectState state = t.activate() ? ObjectState.ACTIVE : ObjectState.PRE_ACTIVE;
        ObjectAttributes a = new ObjectAttributes(t.names(), type, t.algorithm(), t.lengthBits(), t.usage(), state,
                t.sensitive(), t.extractable(), now, t.activate() ? Optional.of(now) : Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), t.custom());
        ManagedObjectRecord r = new ManagedObjectRecord(uid, rt.tenant.value(), kind(type),
                t.names().isEmpty() ? "" : t.names().getFirst(), Store.state(state), 1, 0, nanos,
                keys.wrapKey(rt.l2, key, aad), aad, AttributeCodec.encode(a, 0), 1);
        store.write(new Write.PutObject(r, Write.ABSENT));
        return new ManagedObject(uid, rt.tenant, ManagedObject.Kind.TENANT_OBJECT, a);
    }

    ManagedObject attributes(ObjectRef.Tenant ref) {
        registry.active(ref.tenant());
        return view(ref, stored(ref));
    }

    KeyMaterial material(ObjectRef.Tenant ref) {
        TenantRuntime rt = registry.active(ref.tenant());
        ManagedObjectRecord r = stored(ref);
        ObjectAttributes a = AttributeCodec.decode(r.attributes()).attributes();
        if (a.sensitive() || !a.extractable()) {
            throw EngineException.denied("object " + ref.uid() + " is Sensitive or not Extractable");
        }
        if (a.state() == ObjectState.DESTROYED) {
            throw EngineException.illegalState("object " + ref.uid() + " is destroyed");
        }
        byte[] plain = keys.open(rt.l2, r.wrappedBlob(), r.aad());
        try {
            return new KeyMaterial(ref.uid(), a.type(), plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Runs {@code use} with the object's key unwrapped into secure memory, then wipes it. */
    <T> T withKey(ObjectRef.Tenant ref, Function<ObjectAttributes, Boolean> allowed, Function<KeyHandle, T> use) {
        TenantRuntime rt = registry.active(ref.tenant());
        ManagedObjectRecord r = stored(ref);
        ObjectAttributes a = memo.decode(r.attributes()).attributes();
        if (a.type() != ObjectType.SYMMETRIC_KEY || !"AES".equals(a.algorithm())) {
            throw EngineException.invalid("object " + ref.uid() + " is not an AES key");
        }
        if (!allowed.apply(a)) {
            throw EngineException.illegalState("object " + ref.uid() + " is " + a.state() + " or lacks the usage");
        }
        KeyHandle key = keys.unwrapKey(rt.l2, r.wrappedBlob(), r.aad());
        try {
            return use.apply(key);
        } finally {
            key.wipe();
        }
    }

    ManagedObject change(ObjectRef.Tenant ref, Function<ObjectAttributes, ObjectAttributes> edit) {
        var lock = registry.lock(ref.tenant());
        lock.lock();
        try {
            registry.active(ref.tenant());
            ManagedObjectRecord r = stored(ref);
            AttributeCodec.Stored s = AttributeCodec.decode(r.attributes());
            ObjectAttributes next = edit.apply(s.attributes());
            ManagedObjectRecord n = Hierarchy.withAttributes(r, next, s.gcmReserved());
            ManagedObjectRecord named = new ManagedObjectRecord(n.uid(), n.tenantId(), n.kind(),
                    next.names().isEmpty() ? "" : next.names().getFirst(), n.state(), n.version(), n.revision(),
                    n.createdAtNanos(), n.wrappedBlob(), n.aad(), n.attributes(), n.generation());
            store.write(new Write.PutObject(named, r.generation()));
            return view(ref, named);
        } finally {
            lock.unlock();
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Counts one GCM invocation of a tenant key in storage (CAS); refuses at {@code limit}. */
    void countGcm(ObjectRef.Tenant ref, long limit) {
        for (int attempt = 0; ; attempt++) {
            ManagedObjectRecord r = stored(ref);
            AttributeCodec.Stored s = AttributeCodec.decode(r.attributes());
            if (s.gcmReserved() >= limit) {
                throw EngineException.illegalState("key " + ref.uid() + " reached its GCM invocation limit; re-key it");
            }
            try {
                store.write(new Write.PutObject(Hierarchy.withAttributes(r, s.attributes(), s.gcmReserved() + 1),
                        r.generation()));
                return;
            } catch (EngineException e) {
                if (e.code() != ErrorCode.UNAVAILABLE || attempt >= 8) {
                    throw e;
                }
            }
        }
    }

    private ManagedObjectRecord stored(ObjectRef.Tenant ref) {
        return store.object(ref.uid()).filter(r -> r.tenantId().equals(ref.tenant().value()))
                .orElseThrow(() -> EngineException.notFound("no object " + ref.uid()));
    }

    static ManagedObject view(ObjectRef ref, ManagedObjectRecord r) {
        return view(ref, r, AttributeCodec.decode(r.attributes()));
    }

    static ManagedObject view(ObjectRef ref, ManagedObjectRecord r, AttributeCodec.Stored stored) {
        ManagedObject.Kind kind = r.kind() == ObjectKind.KEK ? ManagedObject.Kind.KEK_VERSION : ManagedObject.Kind.TENANT_OBJECT;
        return new ManagedObject(ref.uid(), ref.tenant(), kind, stored.attributes());
    }

    private static ObjectKind kind(ObjectType type) {
        return switch (type) {
            case SYMMETRIC_KEY -> ObjectKind.SYMMETRIC_KEY;
            case SECRET_DATA -> ObjectKind.SECRET_DATA;
        };
    }
}
