package dev.krypton.engine;

/** Tenant lifecycle states (docs/design.md section 3). Only ACTIVE has keys in memory. */
public enum TenantState {
    /** Known, keys stored wrapped, nothing in memory. LINK makes it ACTIVE. */
    UNLINKED,
    /** L2 and every L3 unwrapped in secure memory; operations are served. */
    ACTIVE,
    /** Zeroized by command; LINK is refused until ENABLE. */
    DISABLED,
    /** Zeroized automatically because the root key (L1) was denied; LINK retries the unwrap. */
    ROOT_REVOKED,
    /** Every blob deleted (crypto-shredded), tombstone kept; irreversible. */
    DESTROYED
}
