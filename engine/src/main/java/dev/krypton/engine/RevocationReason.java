package dev.krypton.engine;

/** Why an object is revoked (KMIP 1.4 section 3.31). Compromise reasons lead to COMPROMISED. */
public enum RevocationReason {
    UNSPECIFIED, KEY_COMPROMISE, CA_COMPROMISE, AFFILIATION_CHANGED, SUPERSEDED,
    CESSATION_OF_OPERATION, PRIVILEGE_WITHDRAWN;

    public boolean compromise() {
        return this == KEY_COMPROMISE || this == CA_COMPROMISE;
    }
}
