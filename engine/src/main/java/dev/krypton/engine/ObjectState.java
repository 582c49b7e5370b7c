package dev.krypton.engine;

/** Key lifecycle states (KMIP 1.4 section 3.22, NIST SP 800-57 part 1 section 7). */
public enum ObjectState {
    PRE_ACTIVE, ACTIVE, DEACTIVATED, COMPROMISED, DESTROYED;

    /** Whether the object may protect new data (encrypt, wrap). */
    public boolean canProtect() {
        return this == ACTIVE;
    }

    /** Whether the object may still process protected data (decrypt, unwrap). */
    public boolean canProcess() {
        return this == ACTIVE || this == DEACTIVATED || this == COMPROMISED;
    }
}
