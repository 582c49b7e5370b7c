package dev.krypton.kmip.object;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.Fields;
import java.util.List;

/**
 * Key Value (KMIP 1.4 section 2.1.4, KMIP 2.1 section 3.2): plaintext key material as bytes,
 * a wrapped key value (a Byte String, when the Key Block has Key Wrapping Data), or a structure
 * whose Key Material is itself a structure (transparent keys), kept as read.
 */
public sealed interface KeyValue {

    /** The Key Value item. */
    Ttlv toTtlv();

    /** Reads a Key Value item of either form. */
    static KeyValue read(Ttlv item, Fields context) {
        return switch (item) {
            case Ttlv.ByteString b -> new Wrapped(Bytes.wrap(b.value()));
            case Structure s when s.find(Tag.KEY_MATERIAL).orElse(null) instanceof Ttlv.ByteString -> {
                Fields f = Fields.of(s, "Key Value");
                var plain = new Plain(f.requiredBytes(Tag.KEY_MATERIAL), f.structs(Tag.ATTRIBUTE));
                f.end();
                yield plain;
            }
            case Structure s -> new Structured(s);
            default -> throw context.invalid("Key Value must be a Byte String or a Structure, got " + item.type().specName());
        };
    }

    /**
     * Plaintext Key Material as a Byte String (Raw, Opaque, PKCS#1, PKCS#8...), with any KMIP 1.x
     * attributes carried inside the Key Value kept as read. toString never shows the bytes.
     */
    record Plain(Bytes keyMaterial, List<Structure> attributes) implements KeyValue {
        public Plain {
            attributes = List.copyOf(attributes);
        }

        public static Plain of(Bytes keyMaterial) {
            return new Plain(keyMaterial, List.of());
        }

        @Override
        public Ttlv toTtlv() {
            return Builder.of(Tag.KEY_VALUE).bytes(Tag.KEY_MATERIAL, keyMaterial).items(attributes).build();
        }
    }

    /** A wrapped (encrypted) Key Value, opaque to this layer. */
    record Wrapped(Bytes bytes) implements KeyValue {
        @Override
        public Ttlv toTtlv() {
            return new Ttlv.ByteString(Tag.KEY_VALUE, bytes.unsafeArray());
        }
    }

    /** A Key Value whose Key Material is a structure (transparent key formats), passed through. */
    record Structured(Structure keyValue) implements KeyValue {
        @Override
        public Ttlv toTtlv() {
            return keyValue;
        }
    }
}
