package dev.krypton.engine;

/**
 * How a key protects caller data. L3 KEK versions (docs/design.md section 3) take only the first three:
 * AES-GCM (KMIP 1.4+ AEAD fields), RFC 3394 AES key wrap and RFC 5649 AES key wrap with padding.
 * Tenant AES keys also take the unauthenticated modes ECB, CBC (each without padding or with PKCS#5
 * padding) and CTR, and tenant ChaCha20 keys ChaCha20-Poly1305 and the bare ChaCha20 stream, which
 * KMIP clients and the OASIS cryptographic profiles use; the policy can forbid the modes without
 * integrity (see {@link #unauthenticated()}).
 */
public enum CipherMode {
    GCM, KEY_WRAP, KEY_WRAP_PAD, ECB, ECB_PKCS5, CBC, CBC_PKCS5, CTR, CHACHA20, CHACHA20_POLY1305;

    /** Whether an L3 KEK version may use this mode. */
    public boolean forKeks() {
        return this == GCM || this == KEY_WRAP || this == KEY_WRAP_PAD;
    }

    /** ECB, CBC, CTR and bare ChaCha20: no integrity; tenant keys only, and only when the policy allows them. */
    public boolean unauthenticated() {
        return this == ECB || this == ECB_PKCS5 || this == CBC || this == CBC_PKCS5 || this == CTR || this == CHACHA20;
    }

    /** Whether the mode takes an IV, counter block or nonce. */
    public boolean needsIv() {
        return this == GCM || this == CBC || this == CBC_PKCS5 || this == CTR || this == CHACHA20
                || this == CHACHA20_POLY1305;
    }
}
