package dev.krypton.storage;

import java.util.Objects;

/**
 * A tenant-owned object kept wrapped: an L3 KEK version (uid {@code tenant:kek:version}) or a KMIP
 * object a client registered or created. {@code generation} is the record's own compare-and-set
 * counter (positive, grows with each change); {@code version} and {@code revision} are the
 * engine's key version and re-wrap revision (docs/design.md section 3).
 *
 * @param uid            unique id across all tenants
 * @param tenantId       the owning tenant
 * @param kind           what the object is
 * @param name           KMIP Name or KEK name, empty if none; queryable
 * @param state          KMIP state; queryable
 * @param version        key version (1 for objects without versions)
 * @param revision       re-wrap revision, bumped when the wrapping key changes
 * @param createdAtNanos creation time in nanoseconds since the epoch, part of the AAD
 * @param wrappedBlob    the wrapped key material, opaque (e.g. GCM {@code nonce||ct||tag})
 * @param aad            additional authenticated data bound to {@code wrappedBlob}
 * @param attributes     KMIP attributes serialised by the engine, opaque to storage
 * @param generation     record generation for compare-and-set, positive
 */
public record ManagedObjectRecord(String uid, String tenantId, ObjectKind kind, String name, ObjectState state,
                                  int version, int revision, long createdAtNanos, byte[] wrappedBlob, byte[] aad,
                                  byte[] attributes, long generation) {

    public ManagedObjectRecord {
        Ids.require(uid, "Object uid");
        Ids.require(tenantId, "Tenant id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        wrappedBlob = Bytes.copy(wrappedBlob, "wrappedBlob");
        aad = Bytes.copy(aad, "aad");
        attributes = Bytes.copy(attributes, "attributes");
        if (generation < 1) {
            throw StorageException.invalid("Object generation must be positive.");
        }
    }

    /** A copy of the wrapped key material. */
    @Override
    public byte[] wrappedBlob() {
        return wrappedBlob.clone();
    }

    /** A copy of the additional authenticated data. */
    @Override
    public byte[] aad() {
        return aad.clone();
    }

    /** A copy of the serialised attributes. */
    @Override
    public byte[] attributes() {
        return attributes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManagedObjectRecord m && uid.equals(m.uid) && tenantId.equals(m.tenantId) && kind == m.kind
                && name.equals(m.name) && state == m.state && version == m.version && revision == m.revision
                && createdAtNanos == m.createdAtNanos && Bytes.equal(wrappedBlob, m.wrappedBlob)
                && Bytes.equal(aad, m.aad) && Bytes.equal(attributes, m.attributes) && generation == m.generation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, tenantId, kind, name, state, version, revision, createdAtNanos,
                Bytes.hash(wrappedBlob), Bytes.hash(aad), Bytes.hash(attributes), generation);
    }

    @Override
    public String toString() {
        return "ManagedObjectRecord[uid=" + uid + ", tenantId=" + tenantId + ", kind=" + kind + ", name=" + name
                + ", state=" + state + ", version=" + version + ", revision=" + revision + ", createdAtNanos="
                + createdAtNanos + ", wrappedBlob=" + Bytes.redacted(wrappedBlob) + ", aad=" + Bytes.redacted(aad)
                + ", attributes=" + Bytes.redacted(attributes) + ", generation=" + generation + "]";
    }
}
