package dev.krypton.app.node;

import dev.krypton.app.AppException;
import dev.krypton.kmip.pem.Pem;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.util.List;

/**
 * The node's TLS identity (certificate chain, unencrypted PKCS#8 key) and CA bundles read with
 * {@link Pem} into the JDK types the KMIP listener takes; a file that cannot be used is a
 * configuration mistake. Errors name the file, never its content.
 */
public final class PemIdentity {

    /** Password of the in-memory key store: it never leaves the process. */
    public static final char[] PASSWORD = new char[0];

    private PemIdentity() {
    }

    /** A PKCS#12 key store in memory holding the key and its chain under alias {@code node}. */
    public static KeyStore keyStore(Path chain, Path key) {
        try {
            return Pem.keyStore(chain, key, "node", PASSWORD);
        } catch (InvalidKeySpecException e) {
            throw AppException.usage(e.getMessage());
        } catch (GeneralSecurityException | IOException e) {
            throw AppException.usage("cannot use " + key + " with " + chain + " as TLS identity: " + e.getClass().getSimpleName());
        }
    }

    /** Every certificate in a PEM file. */
    public static List<X509Certificate> certificates(Path pem) {
        try {
            return Pem.certificates(pem);
        } catch (GeneralSecurityException | IOException e) {
            throw AppException.usage("cannot read certificates from " + pem + ": " + e.getClass().getSimpleName());
        }
    }
}
