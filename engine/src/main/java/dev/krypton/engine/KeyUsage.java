package dev.krypton.engine;

/** Cryptographic usage of an object (KMIP 1.4 section 3.19, Cryptographic Usage Mask). */
public enum KeyUsage {
    ENCRYPT, DECRYPT, WRAP_KEY, UNWRAP_KEY, SIGN, VERIFY, MAC_GENERATE, MAC_VERIFY, EXPORT
}
