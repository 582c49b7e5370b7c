package dev.krypton.orbital;

/** The one unchecked exception of the Orbital intake: configuration and transport failures. */
public final class OrbitalException extends RuntimeException {

    /** Creates an exception with an operator-facing message. */
    public OrbitalException(String message) {
        super(message);
    }

    /** Creates an exception with an operator-facing message and its cause. */
    public OrbitalException(String message, Throwable cause) {
        super(message, cause);
    }
}
