package dev.krypton.crypto;

import java.io.Serial;

/** Thrown when a {@link KeyHandle} is used after {@link KeyHandle#wipe()}. */
public final class KeyWipedException extends CryptoException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception; it names no key, only the fact. */
    public KeyWipedException() {
        super("key has been wiped");
    }
}
