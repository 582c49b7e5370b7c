package dev.krypton.kmip.server;

import dev.krypton.kmip.pem.Pem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;

/**
 * Reads the listener's TLS material from PEM files ({@link Pem}): a certificate chain (leaf
 * first), an unencrypted PKCS#8 private key, a CA bundle and CRL files.
 */
final class PemTls {

    private static final char[] NO_PASSWORD = "krypton".toCharArray();

    private PemTls() {
    }

    static TlsConfig load(Path chain, Path key, Path caBundle) {
        try {
            return TlsConfig.of(Pem.keyStore(chain, key, "server", NO_PASSWORD), NO_PASSWORD, Pem.certificates(caBundle));
        } catch (IOException | GeneralSecurityException e) {
            throw new KmipServerException("cannot read TLS material: " + e.getMessage(), e);
        }
    }

    static java.util.List<X509CRL> crls(Path file) {
        try {
            return Pem.crls(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new KmipServerException("cannot read CRL file " + file + ": " + e.getMessage(), e);
        }
    }
}
