package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.AttributeCodec;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.List;
import java.util.Optional;

/**
 * Get Attributes (KMIP 1.4 section 4.12, KMIP 2.1 section 6.1.20). KMIP 1.x asks by Attribute
 * Name and answers with Attribute structures; 2.x asks by Attribute Reference and answers with
 * one Attributes structure. Attributes the response version lacks are left out.
 */
public final class GetAttributes {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.GET_ATTRIBUTES,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), readKeys(f, v)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readFlat(f, v)));

    private GetAttributes() {
    }

    /**
     * @param uniqueIdentifier the object; absent means the ID Placeholder
     * @param attributes       which attributes; empty asks for all
     */
    public record Request(Optional<String> uniqueIdentifier, List<AttributeKey> attributes) implements RequestPayload {
        public Request {
            attributes = List.copyOf(attributes);
        }

        @Override
        public int operationCode() {
            return Operation.GET_ATTRIBUTES.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return writeKeys(Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier), attributes, v).build();
        }
    }

    /**
     * @param uniqueIdentifier the object
     * @param attributes       the attribute instances found
     */
    public record Response(String uniqueIdentifier, Attributes attributes) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.GET_ATTRIBUTES.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return AttributeFields.writeFlat(Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier), attributes, v).build();
        }
    }

    /** Attribute Name texts (1.x) or Attribute Reference items (2.x). */
    static List<AttributeKey> readKeys(Fields f, ProtocolVersion v) {
        return v.isV2() ? f.all(Tag.ATTRIBUTE_REFERENCE).stream().map(AttributeCodec::readReference).toList()
                : f.texts(Tag.ATTRIBUTE_NAME).stream().map(AttributeKey::ofV1Name).toList();
    }

    /** Writes the keys that exist in {@code v}, as names (1.x) or references (2.x). */
    static Builder writeKeys(Builder b, List<AttributeKey> keys, ProtocolVersion v) {
        for (AttributeKey key : keys) {
            if (key.existsIn(v)) {
                b = v.isV2() ? b.item(AttributeCodec.writeReference(key)) : b.text(Tag.ATTRIBUTE_NAME, key.v1Name());
            }
        }
        return b;
    }
}
