package dev.krypton.kmip.server;

import dev.krypton.engine.Principal;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.TtlvFrames;
import dev.krypton.kmip.server.ConnectionMetrics.Refusal;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * One client connection: TLS handshake within the handshake deadline, principal from the client
 * certificate, then request after request, each answered before the next is read. The wait for a
 * request's first byte is bounded by the idle time-out; from that byte on, the whole frame must
 * arrive within the request deadline, and its answer must be taken within the same time again.
 * Both deadlines count total elapsed time ({@link Deadlines}), so trickling bytes does not extend
 * them. A frame that cannot be delimited (bad header, over the size limit, truncated) is answered
 * with an error and the connection closed, since the stream can no longer be trusted to
 * resynchronise.
 */
final class Connection {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Socket tcp;
    private final ServerTls.Layer tls;
    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final RequestMetrics metrics;
    private final Admission.Slot slot;
    private final Admission admission;
    private final Deadlines.Deadline deadline;

    Connection(Socket tcp, ServerTls.Layer tls, ServerConfig config, Dispatcher dispatcher, RequestMetrics metrics,
               Admission admission, Admission.Slot slot, Deadlines deadlines) {
        this.tcp = tcp;
        this.tls = tls;
        this.config = config;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.admission = admission;
        this.slot = slot;
        this.deadline = deadlines.watch(this::expire);
    }

    /** Serves the connection until it ends, then closes it and frees its slot. */
    void serve() {
        try (slot; deadline; tcp) {
            deadline.arm(config.limits().handshakeTimeout(), Refusal.HANDSHAKE_TIMEOUT);
            tcp.setTcpNoDelay(true);
            SSLSocket socket = tls.over(tcp);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            Optional<Principal> principal = config.identity().principal(leaf);
            if (principal.isEmpty()) {
                admission.refused(Refusal.IDENTITY_REFUSED, peer(), "the client certificate "
                        + leaf.getSubjectX500Principal().getName() + " names no single principal under " + config.identity());
                return;
            }
            if (!deadline.disarm()) {
                return;
            }
            slot.authenticated();
            socket.setSoTimeout((int) config.limits().idleTimeout().toMillis());
            exchange(principal.get(), new BufferedInputStream(socket.getInputStream(), 16 * 1024),
                    new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
        } catch (SSLHandshakeException e) {
            if (deadline.expired()) {
                return;
            }
            if (e.getCause() instanceof EOFException) {
                // A peer that closes before saying anything (a TCP health check, a port scan) is not worth a warning.
                LOG.log(Level.DEBUG, "TLS handshake ended by the peer {0}", peer());
            } else {
                admission.refused(Refusal.TLS_REFUSED, peer(), e.getMessage());
            }
        } catch (SocketTimeoutException e) {
            LOG.log(Level.DEBUG, "connection idle for {0}, closing", config.limits().idleTimeout());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "connection ended: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection handler failed", e);
        }
    }

    /** Closes the TCP socket, which ends any read or write blocked on it (the handshake's included). */
    void close() {
        try {
            tcp.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "close failed: {0}", e.getMessage());
        }
    }

    private void expire(Refusal why) {
        admission.refused(why, peer(), "closed after "
                + (why == Refusal.HANDSHAKE_TIMEOUT ? config.limits().handshakeTimeout() : config.limits().requestTimeout()));
        close();
    }

    private String peer() {
        return String.valueOf(tcp.getRemoteSocketAddress());
    }

    private void exchange(Principal principal, BufferedInputStream in, OutputStream out) throws IOException {
        while (true) {
            in.mark(1);
            if (in.read() < 0) {
                return;
            }
            in.reset();
            if (!deadline.arm(config.limits().requestTimeout(), Refusal.REQUEST_TIMEOUT)) {
                return;
            }
            Optional<byte[]> frame;
            try {
                frame = TtlvFrames.readFrame(in, config.limits().decode());
            } catch (KmipException e) {
                answer(dispatcher.unreadable(e), System.nanoTime(), out);
                return;
            }
            if (frame.isEmpty() || !deadline.disarm()) {
                return;
            }
            long start = System.nanoTime();
            Dispatcher.Reply reply = dispatcher.handle(frame.get(), principal);
            if (!deadline.arm(config.limits().requestTimeout(), Refusal.REQUEST_TIMEOUT)) {
                return;
            }
            answer(reply, start, out);
            if (!deadline.disarm()) {
                return;
            }
        }
    }

    /** Writes and flushes one response, then records how long the message took since {@code start}. */
    private void answer(Dispatcher.Reply reply, long start, OutputStream out) throws IOException {
        out.write(reply.frame());
        out.flush();
        metrics.message(reply.operationSlot(), System.nanoTime() - start);
    }
}
