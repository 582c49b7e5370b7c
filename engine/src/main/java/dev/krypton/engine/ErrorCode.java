package dev.krypton.engine;

/**
 * Why an engine call failed. Each code maps to one KMIP result reason (KMIP 1.4 section 11.16,
 * 2.1 section 11.32) and one Orbital outcome; the mapping is the caller's, the engine knows no
 * wire format.
 */
public enum ErrorCode {
    /** The object or tenant does not exist (KMIP: Item Not Found). */
    NOT_FOUND(false),
    /** Policy denies it, the tenant is not ACTIVE, or the object belongs to another tenant (KMIP: Permission Denied). */
    PERMISSION_DENIED(false),
    /** A request field is malformed or out of range; nothing was changed (KMIP: Invalid Field). */
    INVALID_ARGUMENT(false),
    /** The command or operation is not allowed in the current tenant or object state (KMIP: Wrong Key Lifecycle State / Illegal Operation). */
    ILLEGAL_STATE(false),
    /** A cryptographic check failed, such as a wrong tag or a corrupt blob (KMIP: Cryptographic Failure). */
    CRYPTO(false),
    /** The root-key provider definitively refused (key disabled, deleted, access revoked). */
    ROOT_KEY_DENIED(false),
    /** The root-key provider could not be reached or throttled; retrying later may succeed. */
    ROOT_KEY_UNAVAILABLE(true),
    /** Storage failed or a concurrent writer won; retrying later may succeed. */
    UNAVAILABLE(true),
    /** A fault inside the engine; the message carries no key material (KMIP: General Failure). */
    INTERNAL(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same call may succeed later without any change by the caller. */
    public boolean retryable() {
        return retryable;
    }
}
