package dev.krypton.bench;

/** The load generator's one error type: bad options, a failed setup, or a server that answers wrongly. */
public final class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
