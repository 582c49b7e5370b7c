package dev.krypton.engine;

/**
 * Kinds of managed objects (KMIP 1.4 section 2.2). L3 KEK versions are symmetric keys. The engine
 * uses symmetric keys itself; it only keeps the other kinds (their material is whatever encoding
 * the caller registered, wrapped under the tenant's L2 like any key) and hands them back on Get.
 */
public enum ObjectType {
    SYMMETRIC_KEY, SECRET_DATA, PRIVATE_KEY, PUBLIC_KEY, CERTIFICATE, OPAQUE_OBJECT
}
