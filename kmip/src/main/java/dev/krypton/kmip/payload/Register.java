package dev.krypton.kmip.payload;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.ManagedObject;

/** Register (KMIP 1.4 section 4.3, KMIP 2.1 section 6.1.43): the client hands the server an object. */
public final class Register {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.REGISTER,
            (f, v) -> {
                ObjectType type = f.requiredEnumeration(Tag.OBJECT_TYPE, ObjectType.FAMILY);
                Attributes attributes = AttributeFields.readGrouped(f, v);
                return new Request(type, attributes, ManagedObject.read(type, f));
            },
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readGrouped(f, v)));

    private Register() {
    }

    /**
     * @param objectType the object's type; must match {@code object}
     * @param attributes the object's attributes
     * @param object     the object, whose key material toString never shows
     */
    public record Request(ObjectType objectType, Attributes attributes, ManagedObject object) implements RequestPayload {
        public Request {
            if (objectType != object.objectType()) {
                throw new KmipException(ResultReason.INVALID_FIELD, "Object Type " + objectType.specName()
                        + " does not match the registered " + object.objectType().specName());
            }
        }

        /** A request for {@code object} with its own type. */
        public static Request of(Attributes attributes, ManagedObject object) {
            return new Request(object.objectType(), attributes, object);
        }

        @Override
        public int operationCode() {
            return Operation.REGISTER.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.request().enumeration(Tag.OBJECT_TYPE, objectType);
            return AttributeFields.writeGrouped(b, attributes, v, true).item(object.toTtlv()).build();
        }
    }

    /**
     * @param uniqueIdentifier the new object's identifier
     * @param implicitlySet    attributes the server set on its own (KMIP 1.x only)
     */
    public record Response(String uniqueIdentifier, Attributes implicitlySet) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.REGISTER.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : AttributeFields.writeGrouped(b, implicitlySet, v, false)).build();
        }
    }
}
