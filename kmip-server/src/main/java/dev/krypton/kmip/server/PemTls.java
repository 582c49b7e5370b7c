package dev.krypton.kmip.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads the listener's TLS material from PEM files: a certificate chain (leaf first), an
 * unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY": RSA or EC), a CA bundle and CRL files.
 * The decoded key bytes are zeroed once the key object is built.
 */
final class PemTls {

    private static final char[] NO_PASSWORD = "krypton".toCharArray();

    private PemTls() {
    }

    static TlsConfig load(Path chain, Path key, Path caBundle) {
        try {
            List<X509Certificate> certificates = certificates(chain);
            if (certificates.isEmpty()) {
                throw new KmipServerException("no certificate in " + chain);
            }
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("server", privateKey(key), NO_PASSWORD, certificates.toArray(X509Certificate[]::new));
            return TlsConfig.of(identity, NO_PASSWORD, certificates(caBundle));
        } catch (IOException | GeneralSecurityException e) {
            throw new KmipServerException("cannot read TLS material: " + e.getMessage(), e);
        }
    }

    static List<X509CRL> crls(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCRLs(in).stream().map(X509CRL.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new KmipServerException("cannot read CRL file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new KmipServerException("no unencrypted PKCS#8 private key in " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        try {
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    continue;
                }
            }
            throw new KmipServerException("private key in " + file + " is neither RSA nor EC");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
