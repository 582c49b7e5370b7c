package dev.krypton.app;

/**
 * The one unchecked exception of the application: a failure to start, to reach a node or to read
 * a setting. {@link #exitCode()} is what the {@code krypton} command exits with (see {@link Main}):
 * a mistake of the caller (2) rather than a failure (1), a KMIP server's refusal (3), or a server
 * that could not be reached or spoke no usable protocol (4).
 */
public final class AppException extends RuntimeException {

    private final int exitCode;

    private AppException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A failure of the command (exit code 1). */
    public static AppException failure(String message, Throwable cause) {
        return new AppException(message, Main.FAILED, cause);
    }

    /** A failure of the command (exit code 1). */
    public static AppException failure(String message) {
        return new AppException(message, Main.FAILED, null);
    }

    /** A mistake in the arguments or configuration (exit code 2). */
    public static AppException usage(String message) {
        return new AppException(message, Main.USAGE, null);
    }

    /** The KMIP server answered, and refused (exit code 3). */
    public static AppException kmipError(String message) {
        return new AppException(message, Main.KMIP_ERROR, null);
    }

    /** The server could not be reached, the TLS handshake failed or the answer was unreadable (exit code 4). */
    public static AppException unreachable(String message, Throwable cause) {
        return new AppException(message, Main.UNREACHABLE, cause);
    }

    /** True for a mistake of the caller. */
    public boolean usage() {
        return exitCode == Main.USAGE;
    }

    /** The exit code of the command that failed with this exception. */
    public int exitCode() {
        return exitCode;
    }
}
