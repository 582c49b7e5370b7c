package dev.krypton.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Recover data protected by {@code uid}. For GCM, {@code iv} (12 bytes for an L3 version, 1 to
 * 128 for a tenant key) and {@code tag} (16 bytes for an L3 version, 12 to 16 for a tenant key) are
 * required and {@code aad} must equal the one given to encrypt (empty = none); ChaCha20-Poly1305
 * likewise with a 12-byte nonce and a 16-byte tag. CBC and CTR need the 16-byte IV / counter block.
 * For KEY_WRAP, KEY_WRAP_PAD and ECB, iv, aad and tag must be empty.
 */
public record DecryptRequest(String uid, CipherMode mode, byte[] ciphertext, byte[] iv, byte[] aad, byte[] tag) {

    public DecryptRequest {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(mode, "mode");
        ciphertext = ciphertext.clone();
        iv = iv.clone();
        aad = aad.clone();
        tag = tag.clone();
    }

    public static DecryptRequest gcm(String uid, byte[] ciphertext, byte[] iv, byte[] aad, byte[] tag) {
        return new DecryptRequest(uid, CipherMode.GCM, ciphertext, iv, aad, tag);
    }

    public static DecryptRequest unwrap(String uid, CipherMode mode, byte[] ciphertext) {
        return new DecryptRequest(uid, mode, ciphertext, new byte[0], new byte[0], new byte[0]);
    }

    /** The matching request for a result of {@link KeyOperations#encrypt}. */
    public static DecryptRequest of(EncryptResult result, CipherMode mode, byte[] aad) {
        return new DecryptRequest(result.uid(), mode, result.ciphertext(), result.iv(), aad, result.tag());
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
    public byte[] aad() {
        return aad.clone();
    }

    @Override
    public byte[] tag() {
        return tag.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecryptRequest r && uid.equals(r.uid) && mode == r.mode
                && Arrays.equals(ciphertext, r.ciphertext) && Arrays.equals(iv, r.iv)
                && Arrays.equals(aad, r.aad) && Arrays.equals(tag, r.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, mode, Arrays.hashCode(ciphertext), Arrays.hashCode(iv),
                Arrays.hashCode(aad), Arrays.hashCode(tag));
    }

    @Override
    public String toString() {
        return "DecryptRequest[uid=" + uid + ", mode=" + mode + ", ciphertext=" + Bytes.describe(ciphertext)
                + ", iv=" + Bytes.describe(iv) + ", aad=" + Bytes.describe(aad) + ", tag=" + Bytes.describe(tag) + "]";
    }
}
