package dev.krypton.bench;

import dev.krypton.kmip.client.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSocket;

/**
 * One full mutual-TLS handshake to the server: connect, handshake, close. The session is
 * invalidated so the next handshake cannot resume it (every one is a full handshake with
 * certificate verification on both sides).
 */
record Handshakes(String host, int port, TlsSettings tls) implements LoadRunner.Operation {
    @Override
    public void run() throws IOException {
        try (var socket = (SSLSocket) tls.context().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            var params = socket.getSSLParameters();
            params.setProtocols(tls.protocols().toArray(String[]::new));
            if (!tls.cipherSuites().isEmpty()) {
                params.setCipherSuites(tls.cipherSuites().toArray(String[]::new));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            socket.getSession().invalidate();
        }
    }
}
