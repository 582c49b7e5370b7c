package dev.krypton.kmip.server;

/**
 * The one exception type of the KMIP server module: configuration that cannot be used (TLS
 * material, limits) or a listener that cannot start. Request failures never surface as this
 * type: they become KMIP result reasons on the wire.
 */
public final class KmipServerException extends RuntimeException {

    public KmipServerException(String message) {
        super(message);
    }

    public KmipServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
