package dev.krypton.storage;

/** Lifecycle state of a tenant as persisted (docs/design.md section 3). */
public enum TenantState {
    /** Known but L2 is not in memory (before the first link or after an unlink). */
    UNLINKED,
    /** L2 and the L3 keys are unwrapped in memory; operations are served. */
    ACTIVE,
    /** Operations are refused; keys stay wrapped in storage. */
    DISABLED,
    /** The customer revoked the root key: L2 can no longer be unwrapped. */
    ROOT_REVOKED,
    /** Crypto-shredded: every blob deleted, only this tombstone is kept. Irreversible. */
    DESTROYED
}
