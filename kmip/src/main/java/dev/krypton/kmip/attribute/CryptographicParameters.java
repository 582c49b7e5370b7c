package dev.krypton.kmip.attribute;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.DigitalSignatureAlgorithm;
import dev.krypton.kmip.HashingAlgorithm;
import dev.krypton.kmip.KeyRoleType;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Cryptographic Parameters (KMIP 1.4 section 3.6, KMIP 2.1 section 4.16), written in the
 * specification's field order (PyKMIP insists on it). The RSA-PSS/OAEP fields after Initial
 * Counter Value (Salt Length, Mask Generator, Mask Generator Hashing Algorithm, P Source, Trailer
 * Field) are kept as read in {@code pssOaepFields} and written last, which is their place.
 */
public record CryptographicParameters(Optional<BlockCipherMode> blockCipherMode, Optional<PaddingMethod> paddingMethod,
                                      Optional<HashingAlgorithm> hashingAlgorithm, Optional<KeyRoleType> keyRoleType,
                                      Optional<DigitalSignatureAlgorithm> digitalSignatureAlgorithm,
                                      Optional<CryptographicAlgorithm> cryptographicAlgorithm, Optional<Boolean> randomIv,
                                      OptionalInt ivLength, OptionalInt tagLength, OptionalInt fixedFieldLength,
                                      OptionalInt invocationFieldLength, OptionalInt counterLength,
                                      OptionalInt initialCounterValue, List<Ttlv> pssOaepFields) {

    private static final List<Tag> PSS_OAEP = List.of(Tag.SALT_LENGTH, Tag.MASK_GENERATOR,
            Tag.MASK_GENERATOR_HASHING_ALGORITHM, Tag.P_SOURCE, Tag.TRAILER_FIELD);

    public CryptographicParameters {
        pssOaepFields = List.copyOf(pssOaepFields);
    }

    /** Parameters naming only algorithm, mode and padding (the common symmetric case). */
    public static CryptographicParameters of(CryptographicAlgorithm algorithm, BlockCipherMode mode, PaddingMethod padding) {
        return new CryptographicParameters(Optional.of(mode), Optional.of(padding), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(algorithm), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of());
    }

    /** AES-GCM with a tag length in bytes (KMIP 1.4 AEAD). */
    public static CryptographicParameters aesGcm(int tagLengthBytes) {
        return new CryptographicParameters(Optional.of(BlockCipherMode.GCM), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(CryptographicAlgorithm.AES), Optional.empty(),
                OptionalInt.empty(), OptionalInt.of(tagLengthBytes), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), List.of());
    }

    /** Reads the structure (any tag: it is also an attribute value). Unknown fields are Invalid Field. */
    public static CryptographicParameters read(Structure s) {
        Fields f = Fields.of(s, "Cryptographic Parameters");
        var p = new CryptographicParameters(
                f.enumeration(Tag.BLOCK_CIPHER_MODE, BlockCipherMode.FAMILY),
                f.enumeration(Tag.PADDING_METHOD, PaddingMethod.FAMILY),
                f.enumeration(Tag.HASHING_ALGORITHM, HashingAlgorithm.FAMILY),
                f.enumeration(Tag.KEY_ROLE_TYPE, KeyRoleType.FAMILY),
                f.enumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM, DigitalSignatureAlgorithm.FAMILY),
                f.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.FAMILY),
                f.bool(Tag.RANDOM_IV), f.integer(Tag.IV_LENGTH), f.integer(Tag.TAG_LENGTH),
                f.integer(Tag.FIXED_FIELD_LENGTH), f.integer(Tag.INVOCATION_FIELD_LENGTH),
                f.integer(Tag.COUNTER_LENGTH), f.integer(Tag.INITIAL_COUNTER_VALUE),
                pssOaep(f));
        f.end();
        return p;
    }

    private static List<Ttlv> pssOaep(Fields f) {
        List<Ttlv> out = List.of();
        for (Tag t : PSS_OAEP) {
            var item = f.any(t);
            if (item.isPresent()) {
                out = out.isEmpty() ? new java.util.ArrayList<>() : out;
                out.add(item.get());
            }
        }
        return out;
    }

    /** The structure, tagged Cryptographic Parameters. */
    public Structure toTtlv() {
        return Builder.of(Tag.CRYPTOGRAPHIC_PARAMETERS)
                .enumeration(Tag.BLOCK_CIPHER_MODE, blockCipherMode)
                .enumeration(Tag.PADDING_METHOD, paddingMethod)
                .enumeration(Tag.HASHING_ALGORITHM, hashingAlgorithm)
                .enumeration(Tag.KEY_ROLE_TYPE, keyRoleType)
                .enumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM, digitalSignatureAlgorithm)
                .enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, cryptographicAlgorithm)
                .bool(Tag.RANDOM_IV, randomIv)
                .integer(Tag.IV_LENGTH, ivLength)
                .integer(Tag.TAG_LENGTH, tagLength)
                .integer(Tag.FIXED_FIELD_LENGTH, fixedFieldLength)
                .integer(Tag.INVOCATION_FIELD_LENGTH, invocationFieldLength)
                .integer(Tag.COUNTER_LENGTH, counterLength)
                .integer(Tag.INITIAL_COUNTER_VALUE, initialCounterValue)
                .items(pssOaepFields).build();
    }
}
