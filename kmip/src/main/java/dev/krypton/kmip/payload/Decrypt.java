package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;

/**
 * Decrypt (KMIP 1.4 section 4.30, KMIP 2.1 section 6.1.11), with the KMIP 1.4 AEAD fields
 * (Authenticated Encryption Additional Data and Tag) and multi-part fields.
 */
public final class Decrypt {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.DECRYPT,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER),
                    f.struct(Tag.CRYPTOGRAPHIC_PARAMETERS).map(CryptographicParameters::read), f.bytes(Tag.DATA),
                    f.bytes(Tag.IV_COUNTER_NONCE), f.bytes(Tag.CORRELATION_VALUE), f.bool(Tag.INIT_INDICATOR),
                    f.bool(Tag.FINAL_INDICATOR), f.bytes(Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA),
                    f.bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), f.bytes(Tag.DATA), f.bytes(Tag.CORRELATION_VALUE)));

    private Decrypt() {
    }

    /**
     * @param uniqueIdentifier the key; absent means the ID Placeholder
     * @param parameters       mode, padding, tag length...; absent means the key's own
     * @param data             the ciphertext (single-part)
     * @param ivCounterNonce   the IV, counter or nonce used to encrypt
     * @param correlationValue continues a multi-part operation
     * @param initIndicator    starts a multi-part operation
     * @param finalIndicator   ends a multi-part operation
     * @param additionalData   AEAD additional authenticated data
     * @param tag              AEAD authentication tag to verify
     */
    public record Request(Optional<String> uniqueIdentifier, Optional<CryptographicParameters> parameters, Optional<Bytes> data,
                          Optional<Bytes> ivCounterNonce, Optional<Bytes> correlationValue, Optional<Boolean> initIndicator,
                          Optional<Boolean> finalIndicator, Optional<Bytes> additionalData, Optional<Bytes> tag)
            implements RequestPayload {
        /** A single-part decryption. */
        public static Request of(String key, CryptographicParameters parameters, Bytes data, Optional<Bytes> iv,
                                 Optional<Bytes> additionalData, Optional<Bytes> tag) {
            return new Request(Optional.of(key), Optional.of(parameters), Optional.of(data), iv, Optional.empty(),
                    Optional.empty(), Optional.empty(), additionalData, tag);
        }

        @Override
        public int operationCode() {
            return Operation.DECRYPT.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .item(parameters.map(CryptographicParameters::toTtlv)).bytes(Tag.DATA, data)
                    .bytes(Tag.IV_COUNTER_NONCE, ivCounterNonce).bytes(Tag.CORRELATION_VALUE, correlationValue)
                    .bool(Tag.INIT_INDICATOR, initIndicator).bool(Tag.FINAL_INDICATOR, finalIndicator)
                    .bytes(Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, additionalData)
                    .bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG, tag).build();
        }
    }

    /**
     * @param uniqueIdentifier the key used
     * @param data             the plaintext
     * @param correlationValue for the next part of a multi-part operation
     */
    public record Response(String uniqueIdentifier, Optional<Bytes> data, Optional<Bytes> correlationValue)
            implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.DECRYPT.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).bytes(Tag.DATA, data)
                    .bytes(Tag.CORRELATION_VALUE, correlationValue).build();
        }
    }
}
