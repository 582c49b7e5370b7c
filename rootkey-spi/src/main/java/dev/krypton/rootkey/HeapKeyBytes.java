package dev.krypton.rootkey;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The one sanctioned crossing of plaintext L2 bytes over the Java heap, for providers whose SDK or
 * protocol takes or returns key bytes as an array (AWS Encrypt/Decrypt, transit, SunPKCS11).
 * Every such place goes through here, so the copy is short-lived and always zeroed.
 */
public final class HeapKeyBytes {

    private HeapKeyBytes() {
    }

    /**
     * Lends {@code key}'s bytes as a fresh heap array to {@code use} and zeroes the array when
     * {@code use} returns or throws. {@code use} must not keep the array.
     */
    public static <T> T lend(KeyHandle key, Function<byte[], T> use) {
        byte[] copy = key.withKey(segment -> segment.toArray(ValueLayout.JAVA_BYTE));
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * Moves {@code plaintext} into {@code memory} and zeroes the array, whatever happens. The
     * caller must not use the array afterwards.
     */
    public static KeyHandle adopt(SecureMemory memory, byte[] plaintext) {
        try {
            return memory.copyOf(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
