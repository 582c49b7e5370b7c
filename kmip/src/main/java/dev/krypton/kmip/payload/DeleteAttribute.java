package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeCodec;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Delete Attribute (KMIP 1.4 section 4.16, KMIP 2.1 section 6.1.13). KMIP 1.x names the attribute
 * and an optional Attribute Index; 2.x sends the Current Attribute value or an Attribute Reference.
 */
public final class DeleteAttribute {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.DELETE_ATTRIBUTE, DeleteAttribute::readRequest,
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER),
                    v.isV2() ? Optional.empty() : f.struct(Tag.ATTRIBUTE).map(AttributeCodec::readV1)));

    private DeleteAttribute() {
    }

    /**
     * @param uniqueIdentifier the object; absent means the ID Placeholder
     * @param attribute        which attribute
     * @param index            which instance (KMIP 1.x)
     * @param current          the instance's value (KMIP 2.x Current Attribute)
     */
    public record Request(Optional<String> uniqueIdentifier, AttributeKey attribute, OptionalInt index,
                          Optional<Attribute> current) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.DELETE_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            if (!v.isV2()) {
                return b.text(Tag.ATTRIBUTE_NAME, attribute.v1Name()).integer(Tag.ATTRIBUTE_INDEX, index).build();
            }
            return current.map(c -> b.item(AttributeCodec.writeWrapped(Tag.CURRENT_ATTRIBUTE, c)))
                    .orElseGet(() -> b.item(AttributeCodec.writeReference(attribute))).build();
        }
    }

    /**
     * @param uniqueIdentifier the object
     * @param deleted          the deleted attribute (KMIP 1.x responses only)
     */
    public record Response(String uniqueIdentifier, Optional<Attribute> deleted) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.DELETE_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : b.item(deleted.map(AttributeCodec::writeV1))).build();
        }
    }

    private static Request readRequest(Fields f, ProtocolVersion v) {
        Optional<String> id = f.text(Tag.UNIQUE_IDENTIFIER);
        if (!v.isV2()) {
            return new Request(id, AttributeKey.ofV1Name(f.requiredText(Tag.ATTRIBUTE_NAME)), f.integer(Tag.ATTRIBUTE_INDEX),
                    Optional.empty());
        }
        Optional<Attribute> current = f.struct(Tag.CURRENT_ATTRIBUTE).map(AttributeCodec::readWrapped);
        Optional<AttributeKey> reference = f.any(Tag.ATTRIBUTE_REFERENCE).map(AttributeCodec::readReference);
        AttributeKey key = current.map(Attribute::key).or(() -> reference)
                .orElseThrow(() -> f.invalid("Delete Attribute needs a Current Attribute or an Attribute Reference"));
        return new Request(id, key, OptionalInt.empty(), current);
    }
}
