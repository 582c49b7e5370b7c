package dev.krypton.crypto;

import java.io.Serial;

/**
 * The one unchecked exception of the crypto module. Messages never carry key material, plaintext or
 * the reason an authentication tag did not verify.
 */
public class CryptoException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, free of secrets */
    public CryptoException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, free of secrets
     * @param cause the underlying failure (never one whose message carries secrets)
     */
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
