package dev.krypton.engine;

/** Kinds of managed objects (KMIP 1.4 section 2.2). L3 KEK versions are symmetric keys. */
public enum ObjectType {
    SYMMETRIC_KEY, SECRET_DATA
}
