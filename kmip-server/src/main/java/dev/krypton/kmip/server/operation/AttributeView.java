package dev.krypton.kmip.server.operation;

import java.util.OptionalInt;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.ObjectAttributes;
import dev.krypton.engine.ObjectState;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.HashingAlgorithm;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ProtectionStorageMask;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KMIP attributes of an engine object as a client of {@code version} may see them: attributes
 * its version lacks (Sensitive and Extractable before 1.4, for example) are left out. Object Group
 * carries the owning tenant, and also {@value KEK_GROUP} for L3 KEK versions. Custom attributes are
 * text-valued vendor attributes ("x-name"). Tenant objects also show what the server derives:
 * Digest, Key Format Type, Short Unique Identifier (SHA-256 of the identifier), Last Change Date,
 * Lease Time (unlimited), Protection Storage Mask (Software: keys live in the process's locked
 * memory) and the {@link StoredAttributes}.
 */
final class AttributeView {

    /** The Object Group value that marks (and on Create, asks for) an L3 KEK. */
    static final String KEK_GROUP = "kek";
    /**
     * Lease Time: this server has no Obtain Lease and never stops a client from using an object
     * for want of a lease, so the maximum lease it serves is the largest Interval.
     */
    static final long UNLIMITED_LEASE_SECONDS = 0xFFFFFFFFL;

    private AttributeView() {
    }

    static Attributes of(ManagedObject object, ProtocolVersion version) {
        ObjectAttributes a = object.attributes();
        List<Attribute> out = new ArrayList<>();
        out.add(Attribute.uniqueIdentifier(object.uid()));
        out.add(Attribute.objectType(objectType(a.type())));
        algorithm(a.algorithm()).ifPresent(alg -> out.add(Attribute.cryptographicAlgorithm(alg)));
        if (a.lengthBits() > 0) {
            out.add(Attribute.cryptographicLength(a.lengthBits()));
        }
        out.add(Attribute.cryptographicUsageMask(UsageMasks.mask(a.usage())));
        out.add(Attribute.state(state(a.state())));
        out.add(Attribute.date(AttributeDef.INITIAL_DATE, a.initialDate()));
        date(out, AttributeDef.ACTIVATION_DATE, a.activationDate());
        date(out, AttributeDef.DEACTIVATION_DATE, a.deactivationDate());
        date(out, AttributeDef.COMPROMISE_DATE, a.compromiseDate());
        date(out, AttributeDef.DESTROY_DATE, a.destroyDate());
        a.names().forEach(n -> out.add(Attribute.name(n)));
        out.add(Attribute.objectGroup(object.tenant().value()));
        if (object.kind() == ManagedObject.Kind.KEK_VERSION) {
            out.add(Attribute.objectGroup(KEK_GROUP));
        }
        out.add(Attribute.flag(AttributeDef.SENSITIVE, a.sensitive()));
        out.add(Attribute.flag(AttributeDef.EXTRACTABLE, a.extractable()));
        a.digest().ifPresent(d -> out.add(digest(d, keyFormat(a))));
        if (object.kind() == ManagedObject.Kind.TENANT_OBJECT) {
            boolean keyOrSecret = a.type() == dev.krypton.engine.ObjectType.SYMMETRIC_KEY
                    || a.type() == dev.krypton.engine.ObjectType.SECRET_DATA;
            if (keyOrSecret && StoredAttributes.keyFormat(a.custom()).isEmpty()) {
                out.add(Attribute.of(AttributeDef.KEY_FORMAT_TYPE, Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, keyFormat(a))));
            }
            out.add(Attribute.of(AttributeDef.SHORT_UNIQUE_IDENTIFIER,
                    new Ttlv.ByteString(Tag.SHORT_UNIQUE_IDENTIFIER, sha256(object.uid()))));
            out.add(Attribute.date(AttributeDef.LAST_CHANGE_DATE, lastChange(a)));
            out.add(Attribute.of(AttributeDef.LEASE_TIME, new Ttlv.Interval(Tag.LEASE_TIME, UNLIMITED_LEASE_SECONDS)));
            out.add(Attribute.of(AttributeDef.PROTECTION_STORAGE_MASK, new Ttlv.IntegerItem(Tag.PROTECTION_STORAGE_MASK,
                    ProtectionStorageMask.SOFTWARE.value())));
        }
        for (Map.Entry<String, List<String>> c : a.custom().entrySet()) {
            Optional<AttributeDef> stored = StoredAttributes.def(c.getKey());
            if (stored.isPresent()) {
                if (stored.get() == AttributeDef.FRESH) {
                    boolean fresh = c.getValue().stream().map(v -> StoredAttributes.decode(AttributeDef.FRESH, v).value())
                            .allMatch(t -> ((Ttlv.BooleanItem) t).value());
                    out.add(Attribute.flag(AttributeDef.FRESH, fresh && a.firstServed().isEmpty()));
                } else if (stored.get() != AttributeDef.LAST_CHANGE_DATE) {
                    c.getValue().forEach(v -> out.add(StoredAttributes.decode(stored.get(), v)));
                }
                continue;
            }
            AttributeKey key = AttributeKey.ofV1Name(c.getKey());
            c.getValue().forEach(v -> out.add(new Attribute(key, new Ttlv.TextString(Tag.ATTRIBUTE_VALUE, v),
                    OptionalInt.empty())));
        }
        return new Attributes(out).existingIn(version);
    }

    static ObjectType objectType(dev.krypton.engine.ObjectType type) {
        return switch (type) {
            case SYMMETRIC_KEY -> ObjectType.SYMMETRIC_KEY;
            case SECRET_DATA -> ObjectType.SECRET_DATA;
            case PRIVATE_KEY -> ObjectType.PRIVATE_KEY;
            case PUBLIC_KEY -> ObjectType.PUBLIC_KEY;
            case CERTIFICATE -> ObjectType.CERTIFICATE;
            case OPAQUE_OBJECT -> ObjectType.OPAQUE_OBJECT;
        };
    }

    /** The engine's kind of a KMIP object type, if this server keeps that type. */
    static Optional<dev.krypton.engine.ObjectType> engineType(ObjectType type) {
        return java.util.Arrays.stream(dev.krypton.engine.ObjectType.values()).filter(t -> objectType(t) == type).findFirst();
    }

    static State state(ObjectState state) {
        return switch (state) {
            case PRE_ACTIVE -> State.PRE_ACTIVE;
            case ACTIVE -> State.ACTIVE;
            case DEACTIVATED -> State.DEACTIVATED;
            case COMPROMISED -> State.COMPROMISED;
            case DESTROYED -> State.DESTROYED;
        };
    }

    static Optional<CryptographicAlgorithm> algorithm(String engineName) {
        return engineName.isEmpty() ? Optional.empty() : CryptographicAlgorithm.FAMILY.byName(engineName);
    }

    /** The format Get returns a key or secret in: the format it was registered in, else Raw (keys) or Opaque. */
    static KeyFormatType keyFormat(ObjectAttributes a) {
        return StoredAttributes.keyFormat(a.custom()).orElse(
                a.type() == dev.krypton.engine.ObjectType.SYMMETRIC_KEY ? KeyFormatType.RAW : KeyFormatType.OPAQUE);
    }

    /** The latest of the engine's state dates and the last attribute edit. */
    static Instant lastChange(ObjectAttributes a) {
        Instant last = a.initialDate();
        for (Optional<Instant> d : List.of(a.activationDate(), a.deactivationDate(), a.compromiseDate(), a.destroyDate(),
                StoredAttributes.lastEdit(a.custom()))) {
            if (d.isPresent() && d.get().isAfter(last)) {
                last = d.get();
            }
        }
        return last;
    }

    private static Attribute digest(String sha256Hex, KeyFormatType format) {
        return Attribute.of(AttributeDef.DIGEST, new Ttlv.Structure(Tag.DIGEST, List.of(
                Ttlv.Enumeration.of(Tag.HASHING_ALGORITHM, HashingAlgorithm.SHA_256),
                new Ttlv.ByteString(Tag.DIGEST_VALUE, HexFormat.of().parseHex(sha256Hex)),
                Ttlv.Enumeration.of(Tag.KEY_FORMAT_TYPE, format))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static void date(List<Attribute> out, AttributeDef def, Optional<Instant> when) {
        when.ifPresent(w -> out.add(Attribute.date(def, w)));
    }
}
