package dev.krypton.kmip.payload;

import dev.krypton.kmip.KeyCompressionType;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KeyWrapType;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.object.ManagedObject;
import java.util.Optional;

/** Get (KMIP 1.4 section 4.11, KMIP 2.1 section 6.1.19): returns an object, possibly wrapped. */
public final class Get {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.GET,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), f.enumeration(Tag.KEY_FORMAT_TYPE, KeyFormatType.FAMILY),
                    f.enumeration(Tag.KEY_WRAP_TYPE, KeyWrapType.FAMILY),
                    f.enumeration(Tag.KEY_COMPRESSION_TYPE, KeyCompressionType.FAMILY),
                    f.struct(Tag.KEY_WRAPPING_SPECIFICATION)),
            (f, v) -> {
                ObjectType type = f.requiredEnumeration(Tag.OBJECT_TYPE, ObjectType.FAMILY);
                return new Response(type, f.requiredText(Tag.UNIQUE_IDENTIFIER), ManagedObject.read(type, f));
            });

    private Get() {
    }

    /**
     * @param uniqueIdentifier         the object; absent means the ID Placeholder
     * @param keyFormatType            the format wanted
     * @param keyWrapType              as registered or not wrapped
     * @param keyCompressionType       for elliptic-curve public keys
     * @param keyWrappingSpecification how to wrap the returned key, passed through as read
     */
    public record Request(Optional<String> uniqueIdentifier, Optional<KeyFormatType> keyFormatType,
                          Optional<KeyWrapType> keyWrapType, Optional<KeyCompressionType> keyCompressionType,
                          Optional<Structure> keyWrappingSpecification) implements RequestPayload {
        /** Get the object as stored. */
        public static Request of(String uniqueIdentifier) {
            return new Request(Optional.of(uniqueIdentifier), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public int operationCode() {
            return Operation.GET.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .enumeration(Tag.KEY_FORMAT_TYPE, keyFormatType).enumeration(Tag.KEY_WRAP_TYPE, keyWrapType)
                    .enumeration(Tag.KEY_COMPRESSION_TYPE, keyCompressionType).item(keyWrappingSpecification).build();
        }
    }

    /**
     * @param objectType       the object's type
     * @param uniqueIdentifier the object's identifier
     * @param object           the object; its key material never appears in toString
     */
    public record Response(ObjectType objectType, String uniqueIdentifier, ManagedObject object) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.GET.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().enumeration(Tag.OBJECT_TYPE, objectType).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .item(object.toTtlv()).build();
        }
    }
}
