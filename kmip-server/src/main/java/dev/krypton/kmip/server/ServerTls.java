package dev.krypton.kmip.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Builds the listening socket: TLS 1.3 and 1.2 only, client certificate required
 * ({@link ClientCertificateTrust}), server cipher-suite order, no SNI needed. Suites: the three
 * TLS 1.3 AEAD suites and, for TLS 1.2, ECDHE with AES-GCM or ChaCha20-Poly1305; with the PyKMIP
 * opt-in also TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, last in order.
 *
 * <p>The port is a plain TCP socket; TLS is layered over each accepted connection
 * ({@link Layer}), so the listener can count and refuse a connection by address before any TLS
 * work, and a deadline can close the TCP socket under a handshake in progress.
 *
 * <p>TLS 1.2 renegotiation asked for by a client is refused (JSSE system property
 * {@value #REJECT_RENEGOTIATION}, set to {@code true} when this class is first used unless the
 * operator set it): each renegotiation is a full handshake's CPU at the server for a few bytes from
 * the client, and KMIP clients have no use for it. JSSE reads the property once, at its first server
 * handshake in the process, which is after this class set it. TLS 1.3 has no renegotiation.
 */
final class ServerTls {

    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    static {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> MODERN_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    static final String PYKMIP_SUITE = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";

    private ServerTls() {
    }

    /** The listening TCP socket of {@code config} (plain: TLS is layered per connection by {@link Layer}). */
    static ServerSocket listen(ServerConfig config) {
        try {
            return new ServerSocket(config.port(), 256, InetAddress.getByName(config.host()));
        } catch (IOException e) {
            throw new KmipServerException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** Server-side TLS over accepted TCP connections, with our protocols, suites and client-certificate rule. */
    static final class Layer {
        private final SSLSocketFactory factory;
        private final SSLParameters parameters;

        Layer(TlsConfig tls) {
            SSLContext context = context(tls);
            factory = context.getSocketFactory();
            parameters = parameters(tls, context.getDefaultSSLParameters(), context.getSupportedSSLParameters().getCipherSuites());
        }

        /** A server-mode TLS socket over {@code tcp} (closing it closes {@code tcp}); no handshake yet. */
        SSLSocket over(Socket tcp) throws IOException {
            SSLSocket tls = (SSLSocket) factory.createSocket(tcp, null, true);
            tls.setSSLParameters(parameters);
            return tls;
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
