package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;

/**
 * Add Attribute (KMIP 1.4 section 4.14, KMIP 2.1 section 6.1.2): the attribute travels as an
 * Attribute structure (1.x) or inside New Attribute (2.x); only 1.x echoes it in the response.
 */
public final class AddAttribute {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.ADD_ATTRIBUTE,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), AttributeFields.readOne(f, v, Tag.NEW_ATTRIBUTE)
                    .orElseThrow(() -> f.invalid("missing attribute in Add Attribute request payload"))),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readOne(f, v, Tag.NEW_ATTRIBUTE)));

    private AddAttribute() {
    }

    /**
     * @param uniqueIdentifier the object; absent means the ID Placeholder
     * @param attribute        the attribute instance to add
     */
    public record Request(Optional<String> uniqueIdentifier, Attribute attribute) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.ADD_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .item(AttributeFields.writeOne(attribute, v, Tag.NEW_ATTRIBUTE)).build();
        }
    }

    /**
     * @param uniqueIdentifier the object
     * @param attribute        the added attribute, with its index (KMIP 1.x responses only)
     */
    public record Response(String uniqueIdentifier, Optional<Attribute> attribute) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.ADD_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : b.item(attribute.map(AttributeFields::writeV1))).build();
        }
    }
}
