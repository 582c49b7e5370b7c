package dev.krypton.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Protect {@code data} (typically an L4 data key) with the L3 version or tenant key {@code uid}.
 * For GCM and ChaCha20-Poly1305, an empty {@code iv} asks the server to generate a random 12-byte
 * IV (a tenant key's GCM IV may be 1 to 128 bytes); {@code aad} is optional (empty = none) and
 * {@code tagLength} is the GCM tag length in bytes (12 to 16; 16 for L3 versions). CBC and CTR need
 * a 16-byte IV / counter block, or {@code randomIv} for a server-generated one. KEY_WRAP,
 * KEY_WRAP_PAD and ECB take neither IV nor AAD (both must be empty).
 */
public record EncryptRequest(String uid, CipherMode mode, byte[] data, byte[] iv, byte[] aad, boolean randomIv,
                             int tagLength) {

    /** The default GCM tag length, in bytes. */
    public static final int TAG_BYTES = 16;

    public EncryptRequest {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(mode, "mode");
        data = data.clone();
        iv = iv.clone();
        aad = aad.clone();
    }

    /** A request with a client IV (or a server one where the mode makes one) and a 16-byte tag. */
    public EncryptRequest(String uid, CipherMode mode, byte[] data, byte[] iv, byte[] aad) {
        this(uid, mode, data, iv, aad, false, TAG_BYTES);
    }

    public static EncryptRequest gcm(String uid, byte[] data, byte[] aad) {
        return new EncryptRequest(uid, CipherMode.GCM, data, new byte[0], aad);
    }

    public static EncryptRequest wrap(String uid, CipherMode mode, byte[] data) {
        return new EncryptRequest(uid, mode, data, new byte[0], new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
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
    public boolean equals(Object o) {
        return o instanceof EncryptRequest r && uid.equals(r.uid) && mode == r.mode
                && Arrays.equals(data, r.data) && Arrays.equals(iv, r.iv) && Arrays.equals(aad, r.aad)
                && randomIv == r.randomIv && tagLength == r.tagLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, mode, Arrays.hashCode(data), Arrays.hashCode(iv), Arrays.hashCode(aad), randomIv, tagLength);
    }

    @Override
    public String toString() {
        return "EncryptRequest[uid=" + uid + ", mode=" + mode + ", data=" + Bytes.describe(data)
                + ", iv=" + Bytes.describe(iv) + ", aad=" + Bytes.describe(aad) + ", randomIv=" + randomIv
                + ", tagLength=" + tagLength + "]";
    }
}
