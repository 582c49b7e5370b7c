package dev.krypton.rootkey;

/**
 * How a root-key call failed; decides what the fail-closed rules of docs/design.md section 6 do.
 */
public enum Failure {
    /**
     * Definitive answer of the key's owner or a permanent fault: key disabled, deleted or not found,
     * access revoked, invalid key state, a blob that does not authenticate (tampered, wrong key,
     * wrong tenant) or a configuration that can never work. Retrying does not help; the tenant is
     * zeroized at once.
     */
    DENIED,
    /**
     * Transient: network error, timeout, throttling, server error, an open circuit breaker. The
     * tenant keeps serving until {@code max-autonomy} has passed since the last successful contact.
     */
    UNAVAILABLE
}
