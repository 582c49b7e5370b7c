package dev.krypton.rootkey;

import java.util.Objects;

/**
 * The one exception of the root-key SPI: every provider failure, classified {@link Failure#DENIED}
 * or {@link Failure#UNAVAILABLE}.
 *
 * <p>Messages name the provider, the key id and the provider's error code, never key material,
 * tokens, PINs or credentials. Vendor exceptions are kept as the cause only when their own message
 * cannot carry secrets; adapters decide that per SDK.
 */
public final class RootKeyException extends RuntimeException {

    private final Failure failure;

    public RootKeyException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public RootKeyException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** A definitive refusal: see {@link Failure#DENIED}. */
    public static RootKeyException denied(String message) {
        return new RootKeyException(Failure.DENIED, message);
    }

    /** A definitive refusal with its cause: see {@link Failure#DENIED}. */
    public static RootKeyException denied(String message, Throwable cause) {
        return new RootKeyException(Failure.DENIED, message, cause);
    }

    /** A transient failure: see {@link Failure#UNAVAILABLE}. */
    public static RootKeyException unavailable(String message) {
        return new RootKeyException(Failure.UNAVAILABLE, message);
    }

    /** A transient failure with its cause: see {@link Failure#UNAVAILABLE}. */
    public static RootKeyException unavailable(String message, Throwable cause) {
        return new RootKeyException(Failure.UNAVAILABLE, message, cause);
    }

    public Failure failure() {
        return failure;
    }

    public boolean isDenied() {
        return failure == Failure.DENIED;
    }

    @Override
    public String toString() {
        return "RootKeyException[" + failure + "]: " + getMessage();
    }
}
