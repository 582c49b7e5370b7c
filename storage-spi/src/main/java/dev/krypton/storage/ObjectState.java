package dev.krypton.storage;

/** KMIP object state of a managed object (KMIP 1.4 section 3.22, KMIP 2.1 section 4.57 State). */
public enum ObjectState {
    PRE_ACTIVE,
    ACTIVE,
    DEACTIVATED,
    COMPROMISED,
    DESTROYED,
    DESTROYED_COMPROMISED
}
