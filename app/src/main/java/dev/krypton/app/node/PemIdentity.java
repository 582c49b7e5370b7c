package dev.krypton.app.node;

import dev.krypton.app.AppException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of the node's TLS identity (certificate chain, unencrypted PKCS#8 EC or RSA
 * key) and CA bundles into the JDK types the KMIP listener takes. The decoded key bytes are zeroed
 * after use; errors name the file, never its content.
 */
public final class PemIdentity {

    /** Password of the in-memory key store: it never leaves the process. */
    public static final char[] PASSWORD = new char[0];

    private PemIdentity() {
    }

    /** A PKCS#12 key store in memory holding the key and its chain under alias {@code node}. */
    public static KeyStore keyStore(Path chain, Path key) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("node", privateKey(key), PASSWORD, certificates(chain).toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw AppException.usage("cannot use " + key + " with " + chain + " as TLS identity: " + e.getClass().getSimpleName());
        }
    }

    /** Every certificate in a PEM file. */
    public static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
        } catch (GeneralSecurityException | IOException e) {
            throw AppException.usage("cannot read certificates from " + pem + ": " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        String text = Files.readString(pem);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw AppException.usage(pem + " holds no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        try {
            for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    continue;
                }
            }
            throw AppException.usage(pem + " holds a private key that is not EC, RSA or Ed25519");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
