package dev.krypton.kmip.object;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KeyCompressionType;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.Fields;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Key Block (KMIP 1.4 section 2.1.3, KMIP 2.1 section 3.1). Key Wrapping Data is kept as read:
 * this layer does not unwrap.
 */
public record KeyBlock(KeyFormatType keyFormatType, Optional<KeyCompressionType> keyCompressionType,
                       KeyValue keyValue, Optional<CryptographicAlgorithm> cryptographicAlgorithm,
                       OptionalInt cryptographicLength, Optional<Structure> keyWrappingData) {

    /** A plaintext Raw key block: the common case for symmetric keys. */
    public static KeyBlock raw(Bytes keyMaterial, CryptographicAlgorithm algorithm, int lengthBits) {
        return new KeyBlock(KeyFormatType.RAW, Optional.empty(), KeyValue.Plain.of(keyMaterial),
                Optional.of(algorithm), OptionalInt.of(lengthBits), Optional.empty());
    }

    /** A plaintext Opaque key block without algorithm (Secret Data). */
    public static KeyBlock opaque(Bytes material) {
        return new KeyBlock(KeyFormatType.OPAQUE, Optional.empty(), KeyValue.Plain.of(material),
                Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /** Reads a Key Block structure. */
    public static KeyBlock read(Structure s) {
        Fields f = Fields.of(s, "Key Block");
        var block = new KeyBlock(f.requiredEnumeration(Tag.KEY_FORMAT_TYPE, KeyFormatType.FAMILY),
                f.enumeration(Tag.KEY_COMPRESSION_TYPE, KeyCompressionType.FAMILY),
                KeyValue.read(f.any(Tag.KEY_VALUE).orElseThrow(() -> f.invalid("missing Key Value in Key Block")), f),
                f.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.FAMILY),
                f.integer(Tag.CRYPTOGRAPHIC_LENGTH), f.struct(Tag.KEY_WRAPPING_DATA));
        f.end();
        return block;
    }

    /** The Key Block structure, in the specification's field order. */
    public Structure toTtlv() {
        return Builder.of(Tag.KEY_BLOCK).enumeration(Tag.KEY_FORMAT_TYPE, keyFormatType)
                .enumeration(Tag.KEY_COMPRESSION_TYPE, keyCompressionType)
                .item(keyValue.toTtlv())
                .enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, cryptographicAlgorithm)
                .integer(Tag.CRYPTOGRAPHIC_LENGTH, cryptographicLength)
                .item(keyWrappingData).build();
    }

    /** The plaintext key material, if this block holds it as bytes. */
    public Optional<Bytes> keyMaterial() {
        return keyValue instanceof KeyValue.Plain p && keyWrappingData.isEmpty() ? Optional.of(p.keyMaterial()) : Optional.empty();
    }
}
