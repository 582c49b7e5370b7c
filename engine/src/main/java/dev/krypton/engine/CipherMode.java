package dev.krypton.engine;

/**
 * How an L3 protects caller data (DESIGN.md section 3): AES-256-GCM with a 12-byte IV and a
 * 16-byte tag (KMIP 1.4+ AEAD fields), RFC 3394 AES key wrap, RFC 5649 AES key wrap with padding.
 */
public enum CipherMode {
    GCM, KEY_WRAP, KEY_WRAP_PAD
}
