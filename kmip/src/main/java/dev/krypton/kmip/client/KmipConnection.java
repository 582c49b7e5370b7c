package dev.krypton.kmip.client;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvFrames;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection to a KMIP server carrying length-framed TTLV messages (KMIP 1.4 section 9.1,
 * KMIP 2.1 section 10.1): each message is one top-level Structure whose 8-byte header gives its length.
 */
final class KmipConnection implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private final DecodeLimits limits;
    private volatile boolean broken;

    private KmipConnection(SSLSocket socket, String peer, int maxMessageBytes) throws IOException {
        this.socket = socket;
        this.peer = peer;
        this.limits = DecodeLimits.DEFAULT.withMaxMessageBytes(maxMessageBytes);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    static KmipConnection open(ClientConfig config) {
        String peer = config.host() + ":" + config.port();
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) config.tls().context().getSocketFactory().createSocket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            socket.setSoTimeout((int) config.connectTimeout().toMillis());
            var params = socket.getSSLParameters();
            params.setProtocols(config.tls().protocols().toArray(String[]::new));
            if (!config.tls().cipherSuites().isEmpty()) {
                params.setCipherSuites(config.tls().cipherSuites().toArray(String[]::new));
            }
            if (config.verifyHostname()) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            socket.setSoTimeout((int) config.readTimeout().toMillis());
            return new KmipConnection(socket, peer, config.maxMessageBytes());
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(socket);
            throw new KmipException(ResultReason.GENERAL_FAILURE, "cannot connect to KMIP server " + peer + ": " + e.getMessage(), e);
        }
    }

    /** Writes one encoded message and flushes it. */
    void write(byte[] message) {
        try {
            out.write(message);
            out.flush();
        } catch (IOException e) {
            throw fail("write to", e);
        }
    }

    /** Reads and decodes the next whole message. */
    Ttlv read() {
        try {
            return TtlvFrames.readMessage(in, limits).orElseThrow(() -> {
                broken = true;
                return new KmipException(ResultReason.GENERAL_FAILURE, "KMIP server " + peer + " closed the connection");
            });
        } catch (IOException e) {
            throw fail("read from", e);
        } catch (KmipException e) {
            broken = true;
            throw e;
        }
    }

    /** A connection that saw an I/O or framing error must not be reused. */
    boolean isBroken() {
        return broken || socket.isClosed();
    }

    private KmipException fail(String what, IOException e) {
        broken = true;
        return new KmipException(ResultReason.GENERAL_FAILURE, "cannot " + what + " KMIP server " + peer + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(SSLSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
