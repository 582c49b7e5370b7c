package dev.krypton.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The plaintext value of an extractable, non-sensitive tenant object, as returned by a KMIP Get.
 * Never produced for L3 KEKs. The caller should zero {@link #copy()} results after use.
 */
public final class KeyMaterial {

    private final String uid;
    private final ObjectType type;
    private final byte[] value;

    public KeyMaterial(String uid, ObjectType type, byte[] value) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.type = Objects.requireNonNull(type, "type");
        this.value = value.clone();
    }

    public String uid() {
        return uid;
    }

    public ObjectType type() {
        return type;
    }

    /** A fresh copy of the bytes. */
    public byte[] copy() {
        return value.clone();
    }

    /** Zeroes this holder's bytes. */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public String toString() {
        return "KeyMaterial[uid=" + uid + ", type=" + type + ", value=" + Bytes.describe(value) + "]";
    }
}
