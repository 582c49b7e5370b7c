package dev.krypton.crypto;

/**
 * The engine over OpenSSL libcrypto 3 through FFM. (Being built: {@link #load()} reports it as
 * unavailable until the OpenSSL bindings land, so {@link CryptoEngines} falls back to JCE.)
 */
public abstract sealed class NativeEngine implements CryptoEngine permits NativeEngine.Unavailable {
    /**
     * Loads {@code libcrypto.so.3}.
     *
     * @return the engine
     * @throws CryptoException when the library cannot be loaded
     */
    public static NativeEngine load() {
        throw new CryptoException("native engine not built yet");
    }

    abstract static non-sealed class Unavailable extends NativeEngine {
    }
}
