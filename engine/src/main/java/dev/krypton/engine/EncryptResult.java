package dev.krypton.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of an encrypt: the ciphertext, the IV, counter block or nonce used (empty for key
 * wrap and ECB) and the authentication tag (GCM, ChaCha20-Poly1305; empty otherwise), as separate
 * KMIP 1.4 fields.
 */
public record EncryptResult(String uid, byte[] ciphertext, byte[] iv, byte[] tag) {

    public EncryptResult {
        Objects.requireNonNull(uid, "uid");
        ciphertext = ciphertext.clone();
        iv = iv.clone();
        tag = tag.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] tag() {
        return tag.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptResult r && uid.equals(r.uid) && Arrays.equals(ciphertext, r.ciphertext)
                && Arrays.equals(iv, r.iv) && Arrays.equals(tag, r.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, Arrays.hashCode(ciphertext), Arrays.hashCode(iv), Arrays.hashCode(tag));
    }

    @Override
    public String toString() {
        return "EncryptResult[uid=" + uid + ", ciphertext=" + Bytes.describe(ciphertext)
                + ", iv=" + Bytes.describe(iv) + ", tag=" + Bytes.describe(tag) + "]";
    }
}
