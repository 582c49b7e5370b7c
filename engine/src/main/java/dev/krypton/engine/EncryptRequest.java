package dev.krypton.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Protect {@code data} (typically an L4 data key) with the L3 version or tenant key {@code uid}.
 * For GCM, an empty {@code iv} asks the server to generate a random 12-byte IV; {@code aad} is
 * optional (empty = none). KEY_WRAP and KEY_WRAP_PAD take neither (both must be empty).
 */
public record EncryptRequest(String uid, CipherMode mode, byte[] data, byte[] iv, byte[] aad) {

    public EncryptRequest {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(mode, "mode");
        data = data.clone();
        iv = iv.clone();
        aad = aad.clone();
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
                && Arrays.equals(data, r.data) && Arrays.equals(iv, r.iv) && Arrays.equals(aad, r.aad);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, mode, Arrays.hashCode(data), Arrays.hashCode(iv), Arrays.hashCode(aad));
    }

    @Override
    public String toString() {
        return "EncryptRequest[uid=" + uid + ", mode=" + mode + ", data=" + Bytes.describe(data)
                + ", iv=" + Bytes.describe(iv) + ", aad=" + Bytes.describe(aad) + "]";
    }
}
