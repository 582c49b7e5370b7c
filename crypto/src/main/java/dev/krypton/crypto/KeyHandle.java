package dev.krypton.crypto;

/**
 * An opaque key held in {@link SecureMemory}. No method returns the key bytes as a Java array: the
 * bytes are reached only through a loan ({@link #withKey}), which runs where the key lives.
 *
 * <p>Wiping zero-fills the bytes and releases them; it waits for loans in progress (an operation
 * holds the handle for its duration, microseconds), and every later loan throws
 * {@link KeyWipedException}. A loan must not wipe its own handle (that would wait for itself).
 *
 * <p>Only {@link SecureMemory} makes handles, so every key lives in secure memory.
 */
public sealed interface KeyHandle extends AutoCloseable permits SlabKeyHandle {

    /** @return the key length in bytes */
    int length();

    /**
     * Lends the key bytes to {@code loan}.
     *
     * @param loan the use; gets a read-only segment valid only inside the call
     * @param <T> the loan's result type
     * @return what the loan returns
     * @throws KeyWipedException if the key was wiped
     */
    <T> T withKey(KeyLoan<T> loan);

    /** Zero-fills and releases the key after loans in progress end. Idempotent. */
    void wipe();

    /** @return whether {@link #wipe()} has run */
    boolean isWiped();

    /** Same as {@link #wipe()}. */
    @Override
    default void close() {
        wipe();
    }
}
