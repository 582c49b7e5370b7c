package dev.krypton.kmip.client;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.pem.Pem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the KMIP client: the client's certificate and key, the CAs that vouch for the server,
 * the protocol versions and the cipher suites to offer.
 *
 * <p>KMIP 1.4 section 10 / KMIP 2.1 section 10.4: mutual TLS. Protocols default to TLS 1.3 and
 * 1.2. An empty cipher-suite list means the JDK defaults; PyKMIP needs
 * {@code TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256} offered, which {@link #PYKMIP_COMPATIBLE_SUITES} adds.
 */
public record TlsSettings(SSLContext context, List<String> protocols, List<String> cipherSuites) {
    /** Default protocols, strongest first. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** TLS 1.3 and AEAD 1.2 suites plus the CBC-SHA256 suite that PyKMIP's TLS 1.2 list negotiates. */
    public static final List<String> PYKMIP_COMPATIBLE_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (protocols.isEmpty()) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "at least one TLS protocol is required");
        }
    }

    /** Client identity from a key store (PKCS#12 or JKS) and server trust from another. */
    public static TlsSettings fromKeyStores(KeyStore identity, char[] keyPassword, KeyStore trust) {
        try {
            var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, keyPassword);
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            var context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new TlsSettings(context, DEFAULT_PROTOCOLS, List.of());
        } catch (GeneralSecurityException e) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Client identity from PEM files (certificate chain, unencrypted PKCS#8 key) and CA certificates. */
    public static TlsSettings fromPem(Path certificateChain, Path privateKey, Path caCertificates) {
        try {
            char[] password = new char[0];
            KeyStore identity = Pem.keyStore(certificateChain, privateKey, "client", password);
            List<X509Certificate> cas = Pem.certificates(caCertificates);
            if (cas.isEmpty()) {
                throw new KmipException(ResultReason.GENERAL_FAILURE, "no certificate in " + caCertificates);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (var ca : cas) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            return fromKeyStores(identity, password, trust);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The same settings offering only these cipher suites. */
    public TlsSettings withCipherSuites(List<String> suites) {
        return new TlsSettings(context, protocols, suites);
    }

    /** The same settings offering only these protocol versions ("TLSv1.3", "TLSv1.2"). */
    public TlsSettings withProtocols(List<String> versions) {
        return new TlsSettings(context, versions, cipherSuites);
    }
}
