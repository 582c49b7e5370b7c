package dev.krypton.kmip.object;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.SecretDataType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import java.util.Map;

/**
 * A managed object as carried by Register and Get (KMIP 1.4 section 2.2, KMIP 2.1 section 2):
 * typed Symmetric Key and Secret Data; every other object type passes through as its structure.
 */
public sealed interface ManagedObject {

    /** The Object Type of this object. */
    ObjectType objectType();

    /** The object's structure (tag Symmetric Key, Secret Data, ...). */
    Structure toTtlv();

    /** The tag each object type is carried under. */
    Map<ObjectType, Tag> TAGS = Map.of(ObjectType.CERTIFICATE, Tag.CERTIFICATE, ObjectType.SYMMETRIC_KEY, Tag.SYMMETRIC_KEY,
            ObjectType.PUBLIC_KEY, Tag.PUBLIC_KEY, ObjectType.PRIVATE_KEY, Tag.PRIVATE_KEY, ObjectType.SPLIT_KEY, Tag.SPLIT_KEY,
            ObjectType.TEMPLATE, Tag.TEMPLATE, ObjectType.SECRET_DATA, Tag.SECRET_DATA, ObjectType.OPAQUE_OBJECT, Tag.OPAQUE_OBJECT,
            ObjectType.PGP_KEY, Tag.PGP_KEY);

    /** Reads the object of {@code type} from a payload: the field tagged for that type is required. */
    static ManagedObject read(ObjectType type, Fields payload) {
        Tag tag = TAGS.get(type);
        if (tag == null) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Object Type " + type.specName() + " has no object structure");
        }
        Structure s = payload.requiredStruct(tag);
        return switch (type) {
            case SYMMETRIC_KEY -> {
                Fields f = Fields.of(s, "Symmetric Key");
                var key = new SymmetricKey(KeyBlock.read(f.requiredStruct(Tag.KEY_BLOCK)));
                f.end();
                yield key;
            }
            case SECRET_DATA -> {
                Fields f = Fields.of(s, "Secret Data");
                var data = new SecretData(f.requiredEnumeration(Tag.SECRET_DATA_TYPE, SecretDataType.FAMILY),
                        KeyBlock.read(f.requiredStruct(Tag.KEY_BLOCK)));
                f.end();
                yield data;
            }
            default -> new OtherObject(type, s);
        };
    }

    /** Symmetric Key (KMIP 1.4 section 2.2.2, KMIP 2.1 section 2.9). */
    record SymmetricKey(KeyBlock keyBlock) implements ManagedObject {
        @Override
        public ObjectType objectType() {
            return ObjectType.SYMMETRIC_KEY;
        }

        @Override
        public Structure toTtlv() {
            return Structure.of(Tag.SYMMETRIC_KEY, keyBlock.toTtlv());
        }
    }

    /** Secret Data (KMIP 1.4 section 2.2.7, KMIP 2.1 section 2.7). */
    record SecretData(SecretDataType secretDataType, KeyBlock keyBlock) implements ManagedObject {
        @Override
        public ObjectType objectType() {
            return ObjectType.SECRET_DATA;
        }

        @Override
        public Structure toTtlv() {
            return Builder.of(Tag.SECRET_DATA).enumeration(Tag.SECRET_DATA_TYPE, secretDataType).item(keyBlock.toTtlv()).build();
        }
    }

    /** Any other object (certificate, public/private key, opaque object...), kept as read. */
    record OtherObject(ObjectType objectType, Structure toTtlv) implements ManagedObject {
    }
}
