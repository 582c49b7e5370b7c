package dev.krypton.orbital;

/** A task that cannot be understood; it is answered FAILED and rejected, never retried. */
final class MalformedTaskException extends RuntimeException {

    MalformedTaskException(String message) {
        super(message, null, false, false);
    }
}
