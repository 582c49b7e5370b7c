package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

/**
 * The connection to one token: a SunPKCS11 provider configured for the slot, logged in with the PIN,
 * and the key object found by label. Connects lazily; after an UNAVAILABLE failure (token removed,
 * device error) or a stale object handle the next call connects afresh, so a re-inserted token is
 * picked up without a restart.
 */
final class Pkcs11Token implements AutoCloseable {

    private record Connection(Provider provider, Key key) { }

    private final String label;
    private final Pkcs11Config config;
    private Connection connection;

    Pkcs11Token(String label, Pkcs11Config config) {
        this.label = label;
        this.config = config;
    }

    <T> T use(String what, Pkcs11RootKey.TokenWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection c = connection(what);
            try {
                return work.run(c.provider(), c.key());
            } catch (GeneralSecurityException | RuntimeException e) {
                if (attempt == 1 && Pkcs11Errors.staleHandle(e)) {
                    drop(c);
                    continue;
                }
                RootKeyException failure = Pkcs11Errors.classify(what, e);
                if (!failure.isDenied()) {
                    drop(c);
                }
                throw failure;
            }
        }
    }

    private synchronized Connection connection(String what) {
        if (connection == null) {
            connection = connect(what);
        }
        return connection;
    }

    private synchronized void drop(Connection stale) {
        if (connection == stale) {
            connection = null;
        }
    }

    private Connection connect(String what) {
        char[] pin = config.pin().read();
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.sunConfig(label));
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            Key key = store.getKey(label, null);
            if (key == null || !"AES".equals(key.getAlgorithm())) {
                throw RootKeyException.denied(what + ": no AES secret key labelled '" + label + "' on the token");
            }
            return new Connection(provider, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw Pkcs11Errors.classify(what, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    @Override
    public synchronized void close() {
        connection = null;
    }
}
