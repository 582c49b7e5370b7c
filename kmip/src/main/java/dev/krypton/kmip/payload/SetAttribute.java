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

/** Set Attribute (KMIP 2.1 section 6.1.51, 2.x only): sets a single-valued attribute, adding or replacing it. */
public final class SetAttribute {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.SET_ATTRIBUTE,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), AttributeCodec.readWrapped(f.requiredStruct(Tag.NEW_ATTRIBUTE))),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER)));

    private SetAttribute() {
    }

    /**
     * @param uniqueIdentifier the object; absent means the ID Placeholder
     * @param newAttribute     the value to set
     */
    public record Request(Optional<String> uniqueIdentifier, Attribute newAttribute) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.SET_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .item(AttributeCodec.writeWrapped(Tag.NEW_ATTRIBUTE, newAttribute)).build();
        }
    }

    /** @param uniqueIdentifier the object */
    public record Response(String uniqueIdentifier) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.SET_ATTRIBUTE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
        }
    }
}
