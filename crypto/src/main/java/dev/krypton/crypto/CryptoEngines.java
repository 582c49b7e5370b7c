package dev.krypton.crypto;

import java.lang.System.Logger.Level;

/**
 * Chooses the engine at start-up and says which and why: the native engine when
 * {@code libcrypto.so.3} loads, else the JCE engine (unless the native one was required).
 */
public final class CryptoEngines {
    private static final System.Logger LOG = System.getLogger(CryptoEngines.class.getName());

    /** What the operator asked for. */
    public enum Preference {
        /** Native if libcrypto 3 loads, else JCE (degraded: keys pass through the heap). */
        AUTO,
        /** Native or fail. */
        NATIVE,
        /** JCE only (debugging, platforms without OpenSSL 3). */
        JCE
    }

    /**
     * @param engine the chosen engine
     * @param reason why it was chosen, for status pages and logs
     */
    public record Selection(CryptoEngine engine, String reason) {
    }

    private CryptoEngines() {
    }

    /**
     * Chooses and logs the engine.
     *
     * @param preference what the operator asked for
     * @return the engine and the reason
     * @throws CryptoException if {@link Preference#NATIVE} and libcrypto 3 cannot be loaded
     */
    public static Selection select(Preference preference) {
        Selection selection = switch (preference) {
            case JCE -> new Selection(new JceEngine(), "JCE engine requested by configuration");
            case NATIVE -> new Selection(NativeEngine.load(), "native engine requested by configuration");
            case AUTO -> auto();
        };
        LOG.log(Level.INFO, "crypto engine: {0} ({1})", selection.engine().name(), selection.reason());
        return selection;
    }

    /** @return {@code select(Preference.AUTO).engine()} */
    public static CryptoEngine select() {
        return select(Preference.AUTO).engine();
    }

    private static Selection auto() {
        try {
            return new Selection(NativeEngine.load(), "libcrypto.so.3 loaded");
        } catch (CryptoException e) {
            LOG.log(Level.WARNING, "native crypto engine unavailable, falling back to JCE: {0}", e.getMessage());
            return new Selection(new JceEngine(), "libcrypto.so.3 unavailable: " + e.getMessage());
        }
    }
}
