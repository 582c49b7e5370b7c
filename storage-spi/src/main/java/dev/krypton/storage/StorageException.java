package dev.krypton.storage;

import java.util.Objects;

/**
 * The one exception of the storage SPI. Its {@link #kind()} tells the caller what to do; its message
 * is one sentence a human can act on and never contains record contents.
 */
public final class StorageException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** A compare-and-set expectation failed: another writer got there first; re-read and retry. */
        CONFLICT,
        /** The backend is temporarily unreachable or busy; the operation may be retried. */
        UNAVAILABLE,
        /** Stored data or the store itself is damaged or not a Krypton store. */
        CORRUPT,
        /** The configuration is wrong (unknown backend, bad URL, credentials, missing database). */
        CONFIG,
        /** The caller passed an argument the SPI does not allow (a programming error). */
        INVALID,
        /** The storage was closed. */
        CLOSED
    }

    private final Kind kind;

    /** Creates an exception of the given kind with a one-sentence message. */
    public StorageException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Creates an exception of the given kind wrapping a backend (vendor) error. */
    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Shorthand for a {@link Kind#CONFLICT} on the record with the given id. */
    public static StorageException conflict(String what, String id) {
        return new StorageException(Kind.CONFLICT, what + " '" + id + "' was changed by another writer (generation mismatch).");
    }

    /** Shorthand for an {@link Kind#INVALID} argument. */
    public static StorageException invalid(String message) {
        return new StorageException(Kind.INVALID, message);
    }
}
