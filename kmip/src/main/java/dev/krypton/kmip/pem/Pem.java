package dev.krypton.kmip.pem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads TLS material from PEM files (RFC 7468): X.509 certificates, CRLs and unencrypted PKCS#8
 * private keys ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519 or Ed448). The one PEM reader of
 * Krypton: it lives in the protocol library because that depends on nothing, so the KMIP client,
 * the KMIP server and the {@code krypton} command can all use it. Each caller turns the checked
 * exceptions into its own errors; the messages this class writes name the file, never its content,
 * and the decoded key bytes are zeroed once the key object is built.
 */
public final class Pem {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

    private Pem() {
    }

    /** Every certificate in {@code file}, in file order (none when it holds none). */
    public static List<X509Certificate> certificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

    /** Every CRL in {@code file} (PEM or DER). */
    public static List<X509CRL> crls(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCRLs(in).stream().map(X509CRL.class::cast).toList();
        }
    }

    /** The first unencrypted PKCS#8 private key in {@code file}. */
    public static PrivateKey privateKey(Path file) throws IOException, InvalidKeySpecException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new InvalidKeySpecException(file + " holds no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException(file + " holds a private key that is not valid Base64");
        }
        try {
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
            for (String algorithm : KEY_ALGORITHMS) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next algorithm
                }
            }
            throw new InvalidKeySpecException(file + " holds a private key that is not " + String.join(", ", KEY_ALGORITHMS));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * A PKCS#12 key store in memory holding the key of {@code key} with the chain of {@code chain}
     * (leaf first) under {@code alias}, protected by {@code password}.
     */
    public static KeyStore keyStore(Path chain, Path key, String alias, char[] password)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = certificates(chain);
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + chain);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, privateKey(key), password, certificates.toArray(X509Certificate[]::new));
        return store;
    }
}
