package dev.krypton.kmip.server;

import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * TLS material and choices of the listener: the server's key and certificate chain, the CA bundle
 * client certificates must chain to, CRLs of those CAs (checked when given: every certificate in a
 * client chain then needs its issuer's CRL), and whether to add the one CBC suite PyKMIP clients
 * need (PEERS.md: PyKMIP 0.10 offers no ECDHE-GCM suite for TLS 1.2).
 */
public final class TlsConfig {

    private final KeyStore identity;
    private final char[] keyPassword;
    private final List<X509Certificate> clientCas;
    private final List<X509CRL> crls;
    private final boolean pyKmipCompatible;

    private TlsConfig(KeyStore identity, char[] keyPassword, List<X509Certificate> clientCas, List<X509CRL> crls,
                      boolean pyKmipCompatible) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.keyPassword = keyPassword.clone();
        this.clientCas = List.copyOf(clientCas);
        this.crls = List.copyOf(crls);
        this.pyKmipCompatible = pyKmipCompatible;
        if (this.clientCas.isEmpty()) {
            throw new KmipServerException("at least one client CA certificate is required");
        }
    }

    /**
     * @param identity    key store holding the server's private key and certificate chain
     * @param keyPassword password of that key entry
     * @param clientCas   trust anchors for client certificates
     */
    public static TlsConfig of(KeyStore identity, char[] keyPassword, List<X509Certificate> clientCas) {
        return new TlsConfig(identity, keyPassword, clientCas, List.of(), false);
    }

    /**
     * Reads PEM files: the server's certificate chain (leaf first), its unencrypted PKCS#8 key
     * (RSA, EC, Ed25519 or Ed448) and the CA bundle for client certificates.
     */
    public static TlsConfig fromPem(java.nio.file.Path chain, java.nio.file.Path key, java.nio.file.Path clientCaBundle) {
        return PemTls.load(chain, key, clientCaBundle);
    }

    /** This configuration, also checking client certificates against the CRLs of a PEM or DER file. */
    public TlsConfig withCrlFile(java.nio.file.Path file) {
        return withCrls(PemTls.crls(file));
    }

    /** This configuration, also checking client certificates against these CRLs. */
    public TlsConfig withCrls(List<X509CRL> value) {
        return new TlsConfig(identity, keyPassword, clientCas, value, pyKmipCompatible);
    }

    /** This configuration plus TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 on TLS 1.2 (opt-in, for PyKMIP clients). */
    public TlsConfig withPyKmipCompatibleSuite(boolean value) {
        return new TlsConfig(identity, keyPassword, clientCas, crls, value);
    }

    KeyStore identity() {
        return identity;
    }

    char[] keyPassword() {
        return keyPassword.clone();
    }

    List<X509Certificate> clientCas() {
        return clientCas;
    }

    List<X509CRL> crls() {
        return crls;
    }

    boolean pyKmipCompatible() {
        return pyKmipCompatible;
    }

    @Override
    public String toString() {
        return "TlsConfig[clientCas=" + clientCas.size() + ", crls=" + crls.size() + ", pyKmipCompatible="
                + pyKmipCompatible + "]";
    }
}
