package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;

/**
 * A use of key bytes in place. The segment is read-only and valid only during {@link #use}; it must
 * not be stored, and its bytes must not be copied to the Java heap.
 *
 * @param <T> what the use returns (never the key bytes)
 */
@FunctionalInterface
public interface KeyLoan<T> {
    /**
     * @param key read-only view of the key bytes in secure memory
     * @return the result of the use
     */
    T use(MemorySegment key);
}
