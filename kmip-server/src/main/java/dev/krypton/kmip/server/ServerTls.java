package dev.krypton.kmip.server;

import java.util.Arrays;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;

/**
 * Builds the listening socket: TLS 1.3 and 1.2 only, client certificate required
 * ({@link ClientCertificateTrust}), server cipher-suite order, no SNI needed. Suites: the three
 * TLS 1.3 AEAD suites and, for TLS 1.2, ECDHE with AES-GCM or ChaCha20-Poly1305; with the PyKMIP
 * opt-in also TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, last in order.
 */
final class ServerTls {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> MODERN_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    static final String PYKMIP_SUITE = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";

    private ServerTls() {
    }

    static SSLServerSocket listen(ServerConfig config) {
        SSLContext context = context(config.tls());
        try {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(config.port(), 256, InetAddress.getByName(config.host()));
            socket.setSSLParameters(parameters(config.tls(), socket.getSSLParameters(), socket.getSupportedCipherSuites()));
            return socket;
        } catch (IOException e) {
            throw new KmipServerException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The server TLS context: this node's identity, client certificates checked by {@link ClientCertificateTrust}. */
    static SSLContext context(TlsConfig tls) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = tls.keyPassword();
            kmf.init(tls.identity(), password);
            Arrays.fill(password, '\0');
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new TrustManager[] {new ClientCertificateTrust(tls.clientCas(), tls.crls())},
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new KmipServerException("unusable TLS configuration: " + e.getMessage(), e);
        }
    }

    /** {@code base} restricted to our protocols and suites, in server order, with a client certificate required. */
    static SSLParameters parameters(TlsConfig tls, SSLParameters base, String[] supportedSuites) {
        base.setProtocols(PROTOCOLS.toArray(String[]::new));
        base.setCipherSuites(suites(tls, Set.of(supportedSuites)).toArray(String[]::new));
        base.setUseCipherSuitesOrder(true);
        base.setNeedClientAuth(true);
        return base;
    }

    static List<String> suites(TlsConfig tls, Set<String> supported) {
        List<String> out = new ArrayList<>(MODERN_SUITES);
        if (tls.pyKmipCompatible()) {
            out.add(PYKMIP_SUITE);
        }
        out.retainAll(supported);
        return out;
    }
}
