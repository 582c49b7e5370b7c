package dev.krypton.rootkey;

import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.SecureMemory;
import java.util.Objects;

/**
 * What a provider gets from the node when it opens a key: the secure memory that unwrapped keys
 * are allocated in, and the crypto engine for providers that compute inside Krypton ({@code local}).
 * The app builds one and passes it to every {@link RootKeyProvider#open}; nothing is global.
 *
 * @param memory where {@link RootKey#unwrap} puts unwrapped keys
 * @param engine symmetric primitives on keys held in {@code memory}
 */
public record KeyServices(SecureMemory memory, CryptoEngine engine) {

    public KeyServices {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(engine, "engine");
    }
}
