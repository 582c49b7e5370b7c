package dev.krypton.kmip.server.operation;

import dev.krypton.engine.CipherMode;
import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import java.util.Optional;

/**
 * The engine mode asked for by Cryptographic Parameters (DESIGN.md section 3): GCM (the default
 * when no parameters are given), NISTKeyWrap (RFC 3394) or AESKeyWrapPadding (RFC 5649), with AES
 * only and, for GCM, a 16-byte tag. Other modes are Feature Not Supported; multi-part requests too.
 */
final class CipherModes {

    static final int GCM_TAG_BYTES = 16;

    private CipherModes() {
    }

    static CipherMode of(Optional<CryptographicParameters> parameters) {
        if (parameters.isEmpty()) {
            return CipherMode.GCM;
        }
        CryptographicParameters p = parameters.get();
        if (p.cryptographicAlgorithm().filter(a -> a != CryptographicAlgorithm.AES).isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "only AES is supported");
        }
        CipherMode mode = switch (p.blockCipherMode().orElse(BlockCipherMode.GCM)) {
            case GCM -> CipherMode.GCM;
            case NISTKEYWRAP -> CipherMode.KEY_WRAP;
            case AESKEYWRAPPADDING -> CipherMode.KEY_WRAP_PAD;
            default -> throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED,
                    "block cipher mode " + p.blockCipherMode().get().specName()
                            + " is not supported (GCM, NISTKeyWrap, AESKeyWrapPadding)");
        };
        if (mode == CipherMode.GCM && p.tagLength().isPresent() && p.tagLength().getAsInt() != GCM_TAG_BYTES) {
            throw new KmipException(ResultReason.INVALID_FIELD, "GCM Tag Length must be 16 bytes");
        }
        return mode;
    }

    static void singlePart(Optional<Bytes> correlation, Optional<Boolean> init, Optional<Boolean> last) {
        if (correlation.isPresent() || init.orElse(false) || last.isPresent() && !last.get()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "multi-part cryptographic operations are not supported");
        }
    }

    static byte[] bytes(Optional<Bytes> value) {
        return value.map(Bytes::toByteArray).orElse(new byte[0]);
    }
}
