package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeCodec;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;

/**
 * Modify Attribute (KMIP 1.4 section 4.15, KMIP 2.1 section 6.1.34). KMIP 1.x names the instance
 * by the Attribute Index of the one Attribute it sends; 2.x sends the Current Attribute value to
 * replace (optional) and the New Attribute. Written as 1.x, {@code current} is not sent.
 */
public final class ModifyAttribute {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.MODIFY_ATTRIBUTE,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER),
                    v.isV2() ? f.struct(Tag.CURRENT_ATTRIBUTE).map(AttributeCodec::readWrapped) : Optional.empty(),
                    AttributeFields.readOne(f, v, Tag.NEW_ATTRIBUTE)
                            .orElseThrow(() -> f.invalid("missing attribute in Modify Attribute request payload"))),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readOne(f, v, Tag.NEW_ATTRIBUTE)));

    private ModifyAttribute() {
    }

    /**
     * @param uniqueIdentifier the object; absent means the ID Placeholder
     * @param current          the instance to replace (2.x)
     * @param newAttribute     the new value (its index picks the instance in 1.x)
     */
    public record Request(Optional<String> uniqueIdentifier, Optional<Attribute> current, Attribute newAttribute)
            implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.MODIFY_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            if (v.isV2()) {
                current.ifPresent(c -> b.item(AttributeCodec.writeWrapped(Tag.CURRENT_ATTRIBUTE, c)));
            }
            return b.item(AttributeFields.writeOne(newAttribute, v, Tag.NEW_ATTRIBUTE)).build();
        }
    }

    /**
     * @param uniqueIdentifier the object
     * @param attribute        the modified attribute (KMIP 1.x responses only)
     */
    public record Response(String uniqueIdentifier, Optional<Attribute> attribute) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.MODIFY_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : b.item(attribute.map(AttributeFields::writeV1))).build();
        }
    }
}
