package dev.krypton.kmip.client;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Reads X.509 certificates and unencrypted PKCS#8 private keys from PEM files (RFC 7468). */
final class PemFiles {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) {
        try {
            byte[] pem = Files.readAllBytes(file);
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new KmipException(ResultReason.GENERAL_FAILURE, "no certificate in " + file);
            }
            return certs.stream().map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "cannot read certificates from " + file, e);
        }
    }

    static PrivateKey privateKey(Path file) {
        byte[] der;
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(KEY_BEGIN);
            int end = pem.indexOf(KEY_END);
            if (begin < 0 || end < begin) {
                throw new KmipException(ResultReason.GENERAL_FAILURE,
                        "no unencrypted PKCS#8 private key (" + KEY_BEGIN + ") in " + file);
            }
            der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
        } catch (IOException | IllegalArgumentException e) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "cannot read private key from " + file, e);
        }
        try {
            var spec = new PKCS8EncodedKeySpec(der);
            for (String algorithm : KEY_ALGORITHMS) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next algorithm
                }
            }
            throw new KmipException(ResultReason.GENERAL_FAILURE, "unsupported private key algorithm in " + file);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
