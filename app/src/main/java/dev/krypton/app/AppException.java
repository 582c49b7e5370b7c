package dev.krypton.app;

/**
 * The one unchecked exception of the application: a failure to start, to reach a node or to read
 * a setting. {@link #usage()} marks a mistake of the caller (exit code 2) rather than a failure (1).
 */
public final class AppException extends RuntimeException {

    private final boolean usage;

    private AppException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A failure of the command (exit code 1). */
    public static AppException failure(String message, Throwable cause) {
        return new AppException(message, false, cause);
    }

    /** A failure of the command (exit code 1). */
    public static AppException failure(String message) {
        return new AppException(message, false, null);
    }

    /** A mistake in the arguments or configuration (exit code 2). */
    public static AppException usage(String message) {
        return new AppException(message, true, null);
    }

    /** True for a mistake of the caller, false for a failure. */
    public boolean usage() {
        return usage;
    }
}
