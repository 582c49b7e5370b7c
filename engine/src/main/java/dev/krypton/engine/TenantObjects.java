package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.Write;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
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
    /** Triple DES: 168 key bits in 24 bytes (one parity bit per byte, ignored by the cipher). */
    private static final int DES3_BITS = 168;
    private static final int DES3_BYTES = 24;
    private static final int DIGEST_CHUNK = 64;
    /** Kinds whose material is the key value itself, so that its SHA-256 is the KMIP Digest. */
    private static final Set<ObjectType> DIGESTED = Set.of(ObjectType.SYMMETRIC_KEY, ObjectType.SECRET_DATA);

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
        boolean aes = "AES".equals(t.algorithm()) && AES_BITS.contains(t.lengthBits());
        boolean des3 = "3DES".equals(t.algorithm()) && t.lengthBits() == DES3_BITS;
        if (!aes && !des3) {
            throw EngineException.invalid("Create supports AES keys of 128, 192 or 256 bits and 3DES keys of 168 bits");
        }
        TenantRuntime rt = registry.active(tenant);
        KeyHandle key = keys.randomKey(aes ? t.lengthBits() / 8 : DES3_BYTES);
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
            int bits = t.lengthBits() != 0 || !DIGESTED.contains(type) ? t.lengthBits() : material.length * 8;
            ObjectTemplate sized = new ObjectTemplate(t.names(), t.algorithm(), bits, t.usage(),
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
                Optional.empty(), Optional.empty(), Optional.empty(), t.custom(),
                DIGESTED.contains(type) ? Optional.of(sha256(key)) : Optional.empty(), Optional.empty());
        ManagedObjectRecord r = new ManagedObjectRecord(uid, rt.tenant.value(), kind(type),
                t.names().isEmpty() ? "" : t.names().getFirst(), Store.state(state), 1, 0, nanos,
                keys.wrapKey(rt.l2, key, aad), aad, AttributeCodec.encode(a, 0), 1);
        UndoJournal.changing(uid, Optional.empty());
        store.write(new Write.PutObject(r, Write.ABSENT));
        return new ManagedObject(uid, rt.tenant, ManagedObject.Kind.TENANT_OBJECT, a);
    }

    /**
     * The hex SHA-256 of the key bytes (KMIP Digest). The bytes pass through a 64-byte heap chunk
     * that is zeroed after each use; the digest itself reveals nothing usable about the key.
     */
    static String sha256(KeyHandle key) {
        return key.withKey(segment -> {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new EngineException(ErrorCode.INTERNAL, "SHA-256 is unavailable", e);
            }
            byte[] chunk = new byte[DIGEST_CHUNK];
            try {
                for (long at = 0; at < segment.byteSize(); at += DIGEST_CHUNK) {
                    int n = (int) Math.min(DIGEST_CHUNK, segment.byteSize() - at);
                    MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, at, chunk, 0, n);
                    sha.update(chunk, 0, n);
                }
            } finally {
                Arrays.fill(chunk, (byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        });
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
            KeyMaterial served = new KeyMaterial(ref.uid(), a.type(), plain);
            if (a.firstServed().isEmpty()) {
                try {
                    markServed(ref);
                } catch (RuntimeException e) {
                    served.wipe();
                    throw e;
                }
            }
            return served;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Records the first Get of the material. A concurrent change from another node (lost
     * compare-and-set) is retried; one that already recorded the first Get ends it.
     */
    private void markServed(ObjectRef.Tenant ref) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            try {
                change(ref, x -> x.firstServed().isPresent() ? x : x.served(now));
                return;
            } catch (EngineException e) {
                if (!Store.conflict(e) || attempt >= 8) {
                    throw e;
                }
                if (AttributeCodec.decode(stored(ref).attributes()).attributes().firstServed().isPresent()) {
                    return;
                }
            }
        }
    }

    /** Runs {@code use} with the object's AES key unwrapped into secure memory, then wipes it. */
    <T> T withKey(ObjectRef.Tenant ref, Function<ObjectAttributes, Boolean> allowed, Function<KeyHandle, T> use) {
        return withKey(ref, Set.of("AES"), allowed, use);
    }

    /** Runs {@code use} with the object's key of one of {@code algorithms} unwrapped into secure memory, then wipes it. */
    <T> T withKey(ObjectRef.Tenant ref, Set<String> algorithms, Function<ObjectAttributes, Boolean> allowed,
                  Function<KeyHandle, T> use) {
        return withKey(ref, algorithms, allowed, (algorithm, key) -> use.apply(key));
    }

    /** As above; {@code use} is also told the key's algorithm (KMIP spelling, as stored). */
    <T> T withKey(ObjectRef.Tenant ref, Set<String> algorithms, Function<ObjectAttributes, Boolean> allowed,
                  java.util.function.BiFunction<String, KeyHandle, T> use) {
        TenantRuntime rt = registry.active(ref.tenant());
        ManagedObjectRecord r = stored(ref);
        ObjectAttributes a = memo.decode(r.attributes()).attributes();
        if (a.type() != ObjectType.SYMMETRIC_KEY || !algorithms.contains(a.algorithm())) {
            throw EngineException.invalid("object " + ref.uid() + " is not a key of " + new java.util.TreeSet<>(algorithms));
        }
        if (!allowed.apply(a)) {
            throw EngineException.illegalState("object " + ref.uid() + " is " + a.state() + " or lacks the usage");
        }
        KeyHandle key = keys.unwrapKey(rt.l2, r.wrappedBlob(), r.aad());
        try {
            return use.apply(a.algorithm(), key);
        } finally {
            key.wipe();
        }
    }

    ManagedObject change(ObjectRef.Tenant ref, Function<ObjectAttributes, ObjectAttributes> edit) {
        var lock = registry.lock(ref.tenant());
        store.budget().lock(lock);
        try {
            registry.active(ref.tenant());
            ManagedObjectRecord r = stored(ref);
            AttributeCodec.Stored s = AttributeCodec.decode(r.attributes());
            ObjectAttributes next = edit.apply(s.attributes());
            ManagedObjectRecord n = Hierarchy.withAttributes(r, next, s.gcmReserved());
            ManagedObjectRecord named = new ManagedObjectRecord(n.uid(), n.tenantId(), n.kind(),
                    next.names().isEmpty() ? "" : next.names().getFirst(), n.state(), n.version(), n.revision(),
                    n.createdAtNanos(), n.wrappedBlob(), n.aad(), n.attributes(), n.generation());
            UndoJournal.changing(r.uid(), Optional.of(r));
            store.write(new Write.PutObject(named, r.generation()));
            return view(ref, named);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts {@code uid} back to {@code previous} (deletes it when empty), keeping the larger GCM
     * count and the first-Get record of the current one.
     */
    void restore(ObjectRef.Tenant ref, Optional<ManagedObjectRecord> previous) {
        var lock = registry.lock(ref.tenant());
        store.budget().lock(lock);
        try {
            ManagedObjectRecord now = stored(ref);
            if (previous.isEmpty()) {
                store.write(new Write.DeleteObject(now.uid(), now.generation()));
                return;
            }
            ManagedObjectRecord p = previous.get();
            AttributeCodec.Stored was = AttributeCodec.decode(p.attributes());
            AttributeCodec.Stored is = AttributeCodec.decode(now.attributes());
            ObjectAttributes a = is.attributes().firstServed().map(was.attributes()::served).orElse(was.attributes());
            ManagedObjectRecord back = new ManagedObjectRecord(p.uid(), p.tenantId(), p.kind(), p.name(), p.state(),
                    p.version(), p.revision(), p.createdAtNanos(), p.wrappedBlob(), p.aad(),
                    AttributeCodec.encode(a, Math.max(was.gcmReserved(), is.gcmReserved())), now.generation() + 1);
            store.write(new Write.PutObject(back, now.generation()));
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
                if (!Store.conflict(e) || attempt >= 8) {
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
            case PRIVATE_KEY -> ObjectKind.PRIVATE_KEY;
            case PUBLIC_KEY -> ObjectKind.PUBLIC_KEY;
            case CERTIFICATE -> ObjectKind.CERTIFICATE;
            case OPAQUE_OBJECT -> ObjectKind.OPAQUE_OBJECT;
        };
    }
}
