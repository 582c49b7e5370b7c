package dev.krypton.kmip.payload;

import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;

/**
 * Create (KMIP 1.4 section 4.1, KMIP 2.1 section 6.1.8): the server generates a new object.
 * Attributes travel in a Template-Attribute (1.x) or an Attributes structure (2.x).
 */
public final class Create {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.CREATE,
            (f, v) -> new Request(f.requiredEnumeration(Tag.OBJECT_TYPE, ObjectType.FAMILY), AttributeFields.readGrouped(f, v)),
            (f, v) -> new Response(f.requiredEnumeration(Tag.OBJECT_TYPE, ObjectType.FAMILY),
                    f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readGrouped(f, v)));

    private Create() {
    }

    /**
     * @param objectType what to create (Symmetric Key, Secret Data...)
     * @param attributes the new object's attributes (Cryptographic Algorithm, Length, Usage Mask...)
     */
    public record Request(ObjectType objectType, Attributes attributes) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.CREATE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return AttributeFields.writeGrouped(Builder.request().enumeration(Tag.OBJECT_TYPE, objectType), attributes, v, true).build();
        }
    }

    /**
     * @param objectType       the type created
     * @param uniqueIdentifier the new object's identifier
     * @param implicitlySet    attributes the server set on its own (KMIP 1.x only; dropped in 2.x)
     */
    public record Response(ObjectType objectType, String uniqueIdentifier, Attributes implicitlySet) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.CREATE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().enumeration(Tag.OBJECT_TYPE, objectType).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : AttributeFields.writeGrouped(b, implicitlySet, v, false)).build();
        }
    }
}
