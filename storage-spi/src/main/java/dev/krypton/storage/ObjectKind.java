package dev.krypton.storage;

/**
 * What a managed object is. {@link #KEK} is an L3 key-encryption-key version; the others are
 * tenant-owned KMIP objects (KMIP 2.1 section 11.28 Object Type).
 */
public enum ObjectKind {
    KEK,
    SYMMETRIC_KEY,
    SECRET_DATA,
    PRIVATE_KEY,
    PUBLIC_KEY,
    CERTIFICATE,
    OPAQUE_OBJECT
}
