package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.rootkey.RootKeyException;

/**
 * How the L2 is wrapped by the server's Encrypt operation (KMIP 1.4 section 4.29).
 *
 * <ul>
 *   <li>{@link #GCM}: Block Cipher Mode GCM with the KMIP 1.4 AEAD fields, a 16-byte tag and the
 *       tenant's {@link dev.krypton.rootkey.WrapContext#aad()} as Authenticated Encryption Additional
 *       Data, so blobs are bound to their tenant. The default.</li>
 *   <li>{@link #KWP}: Block Cipher Mode AESKeyWrapPadding (RFC 5649), for servers without AEAD;
 *       it binds no context.</li>
 * </ul>
 */
enum WrapMode {
    GCM("AES-GCM"),
    KWP("AES-KWP");

    /** GCM tag length in bytes. */
    static final int TAG_LENGTH = 16;

    private final String mechanism;

    WrapMode(String mechanism) {
        this.mechanism = mechanism;
    }

    /** The mechanism name recorded in every blob this mode makes. */
    String mechanism() {
        return mechanism;
    }

    /** The Cryptographic Parameters sent with Encrypt and Decrypt (algorithm after mode: PyKMIP needs it there). */
    CryptographicParameters parameters() {
        return switch (this) {
            case GCM -> CryptographicParameters.aesGcm(TAG_LENGTH);
            case KWP -> CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.AESKEYWRAPPADDING,
                    PaddingMethod.NONE);
        };
    }

    static WrapMode parse(String text) {
        return switch (text) {
            case "gcm" -> GCM;
            case "kwp" -> KWP;
            default -> throw RootKeyException.denied("kmip: mode must be gcm or kwp");
        };
    }
}
