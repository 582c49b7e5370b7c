package dev.krypton.rootkey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust for HTTP providers whose service presents a certificate from a private CA (a company
 * Vault, a VPC endpoint behind an inspecting proxy): an {@link SSLContext} that trusts exactly the
 * PEM certificates in one file. Without such a file providers use the JDK's default trust store.
 */
public final class TlsTrust {

    private TlsTrust() {
    }

    /** Trusts the certificates in {@code pemFile}; a missing or unreadable file is DENIED (configuration). */
    public static SSLContext trusting(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw RootKeyException.denied("no certificate in CA file " + pemFile);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw RootKeyException.denied("cannot use CA file " + pemFile + ": " + e.getClass().getSimpleName());
        }
    }
}
