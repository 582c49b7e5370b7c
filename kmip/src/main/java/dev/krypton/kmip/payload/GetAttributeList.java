package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.List;
import java.util.Optional;

/**
 * Get Attribute List (KMIP 1.4 section 4.13, KMIP 2.1 section 6.1.21): which attributes an object
 * has, as Attribute Names (1.x) or Attribute References (2.x).
 */
public final class GetAttributeList {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.GET_ATTRIBUTE_LIST,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), GetAttributes.readKeys(f, v)));

    private GetAttributeList() {
    }

    /** @param uniqueIdentifier the object; absent means the ID Placeholder */
    public record Request(Optional<String> uniqueIdentifier) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.GET_ATTRIBUTE_LIST.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
        }
    }

    /**
     * @param uniqueIdentifier the object
     * @param attributes       the attributes it has (those the response version lacks are left out)
     */
    public record Response(String uniqueIdentifier, List<AttributeKey> attributes) implements ResponsePayload {
        public Response {
            attributes = List.copyOf(attributes);
        }

        @Override
        public int operationCode() {
            return Operation.GET_ATTRIBUTE_LIST.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return GetAttributes.writeKeys(Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier), attributes, v).build();
        }
    }
}
