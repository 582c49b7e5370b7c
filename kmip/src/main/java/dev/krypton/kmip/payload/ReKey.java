package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;
import java.util.OptionalLong;

/** Re-key (KMIP 1.4 section 4.4, KMIP 2.1 section 6.1.46): a replacement for a symmetric key. */
public final class ReKey {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.RE_KEY,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), f.interval(Tag.OFFSET), AttributeFields.readGrouped(f, v)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), AttributeFields.readGrouped(f, v)));

    private ReKey() {
    }

    /**
     * @param uniqueIdentifier the key to replace; absent means the ID Placeholder
     * @param offset           seconds between the new key's Initial Date and Activation Date
     * @param attributes       attributes for the replacement
     */
    public record Request(Optional<String> uniqueIdentifier, OptionalLong offset, Attributes attributes) implements RequestPayload {
        /** Re-key {@code uniqueIdentifier} with no offset and no extra attributes. */
        public static Request of(String uniqueIdentifier) {
            return new Request(Optional.of(uniqueIdentifier), OptionalLong.empty(), Attributes.empty());
        }

        @Override
        public int operationCode() {
            return Operation.RE_KEY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).interval(Tag.OFFSET, offset);
            return AttributeFields.writeGrouped(b, attributes, v, false).build();
        }
    }

    /**
     * @param uniqueIdentifier the replacement key
     * @param implicitlySet    attributes the server set on its own (KMIP 1.x only)
     */
    public record Response(String uniqueIdentifier, Attributes implicitlySet) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.RE_KEY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
            return (v.isV2() ? b : AttributeFields.writeGrouped(b, implicitlySet, v, false)).build();
        }
    }
}
