package dev.krypton.kmip.server;

import dev.krypton.engine.Principal;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.TtlvFrames;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * One client connection: TLS handshake within the handshake timeout, principal from the client
 * certificate, then request after request, each answered before the next is read. A frame that
 * cannot be delimited (bad header, over the size limit, truncated) is answered with an error and
 * the connection closed, since the stream can no longer be trusted to resynchronise.
 */
final class Connection {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final SSLSocket socket;
    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final RequestMetrics metrics;

    Connection(SSLSocket socket, ServerConfig config, Dispatcher dispatcher, RequestMetrics metrics) {
        this.socket = socket;
        this.config = config;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    void serve() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) config.limits().handshakeTimeout().toMillis());
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            Optional<Principal> principal = config.identity().principal(leaf);
            if (principal.isEmpty()) {
                LOG.log(Level.WARNING, "security event=kmip-identity-refused subject={0} rule={1} peer={2}: the client"
                        + " certificate names no principal; closing", leaf.getSubjectX500Principal().getName(), config.identity(), peer());
                return;
            }
            socket.setSoTimeout((int) config.limits().idleTimeout().toMillis());
            exchange(principal.get(), new BufferedInputStream(socket.getInputStream(), 16 * 1024),
                    new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
        } catch (SSLHandshakeException e) {
            // A peer that closes before saying anything (a TCP health check, a port scan) is not worth a warning.
            LOG.log(e.getCause() instanceof EOFException ? Level.DEBUG : Level.WARNING,
                    "security event=kmip-tls-refused peer={0} reason={1}", peer(), e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.log(Level.DEBUG, "connection timed out");
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "connection ended: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection handler failed", e);
        }
    }

    private String peer() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    private void exchange(Principal principal, InputStream in, OutputStream out) throws IOException {
        while (true) {
            Optional<byte[]> frame;
            try {
                frame = TtlvFrames.readFrame(in, config.limits().decode());
            } catch (KmipException e) {
                answer(dispatcher.unreadable(e), System.nanoTime(), out);
                return;
            }
            if (frame.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            answer(dispatcher.handle(frame.get(), principal), start, out);
        }
    }

    /** Writes and flushes one response, then records how long the message took since {@code start}. */
    private void answer(Dispatcher.Reply reply, long start, OutputStream out) throws IOException {
        out.write(reply.frame());
        out.flush();
        metrics.message(reply.operationSlot(), System.nanoTime() - start);
    }
}
