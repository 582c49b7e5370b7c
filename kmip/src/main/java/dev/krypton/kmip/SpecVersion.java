package dev.krypton.kmip;

/**
 * The two lines of the KMIP specification whose tables this library carries.
 *
 * <p>{@link #KMIP_1} stands for KMIP 1.0 to 1.4, as tabulated by the KMIP 1.4 specification
 * (section 9.1.3, which still lists tags deprecated since 1.1); {@link #KMIP_2} stands for KMIP 2.0
 * and 2.1, as tabulated by the KMIP 2.1 specification (sections 11 and 12).
 */
public enum SpecVersion {
    /** KMIP 1.0 to 1.4. */
    KMIP_1,
    /** KMIP 2.0 and 2.1. */
    KMIP_2
}
