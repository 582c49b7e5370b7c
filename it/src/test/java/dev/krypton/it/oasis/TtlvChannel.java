package dev.krypton.it.oasis;

import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.client.TlsSettings;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;

/**
 * One mutual-TLS connection that carries raw TTLV messages (KMIP 1.4 section 10): the replay runner
 * sends each case's request tree exactly as written, including its protocol version header, which
 * the typed client would normalise.
 */
final class TtlvChannel implements AutoCloseable {
    private static final int MAX_FRAME = 16 << 20;
    private final SSLSocket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private TtlvChannel(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static TtlvChannel open(String host, int port, TlsSettings tls) throws IOException {
        var socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            var params = socket.getSSLParameters();
            params.setProtocols(tls.protocols().toArray(String[]::new));
            if (!tls.cipherSuites().isEmpty()) {
                params.setCipherSuites(tls.cipherSuites().toArray(String[]::new));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            return new TtlvChannel(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one message and reads the one response frame. */
    Ttlv exchange(Ttlv request) throws IOException {
        out.write(TtlvEncoder.encode(request));
        out.flush();
        byte[] header = new byte[8];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("response frame of " + Integer.toUnsignedString(length) + " bytes refused");
        }
        byte[] frame = Arrays.copyOf(header, 8 + length);
        in.readFully(frame, 8, length);
        return TtlvDecoder.decode(frame);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
