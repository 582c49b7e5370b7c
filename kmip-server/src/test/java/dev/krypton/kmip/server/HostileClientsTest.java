package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.payload.DiscoverVersions;
import dev.krypton.kmip.server.ConnectionMetrics.Listener;
import dev.krypton.kmip.server.ConnectionMetrics.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * What a peer on the network can make the KMIP listeners hold, and for how long, whether or not it
 * has a certificate: the findings of an outside test against one node, one test each.
 *
 * <p>Deadlines are checked with short settings (1 s) and a generous bound for the close (15 s):
 * on a loaded machine the close may come seconds late, but without a deadline in total time it
 * never comes while the peer keeps trickling (every byte comes well within any per-read time-out).
 * The bound only separates "closed" from "held forever"; it measures nothing.
 */
class HostileClientsTest {

    private static final RequestMessage DISCOVER = RequestMessage.of(ProtocolVersion.V1_4, new DiscoverVersions.Request(List.of()));
    /** Allowed time to see a connection closed whose deadline is 1 s (see the class comment). */
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(15);
    /** Pace of a trickling peer: far inside any per-read time-out used here. */
    private static final Duration PACE = Duration.ofMillis(200);
    /** A TLS record header announcing a 512-byte handshake record: the start of a ClientHello. */
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x02, 0x00};

    private static ServerFixture server(UnaryOperator<ServerLimits> limits) {
        return new ServerFixture(c -> c.withLimits(limits.apply(c.limits())));
    }

    @Test
    void aHandshakeTrickledOneByteAtATimeIsClosedAtTheHandshakeDeadline() throws Exception {
        try (var f = server(l -> l.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60)));
             var peer = new Socket("127.0.0.1", f.server.port())) {
            peer.getOutputStream().write(CLIENT_HELLO_START);
            assertThat(closedWhileTrickling(peer, peer.getInputStream(), peer.getOutputStream())).isTrue();
            assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.HANDSHAKE_TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void aRequestTrickledAfterTheHandshakeIsClosedAtTheRequestDeadline() throws Exception {
        try (var f = server(l -> l.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60)));
             var socket = f.rawSocket(Optional.of(f.pki.client("acme")))) {
            assertThat(RawKmip.exchange(socket, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
            // A Request Message header announcing a 1,024-byte body, then the body one byte at a time.
            socket.getOutputStream().write(new byte[] {0x42, 0x00, 0x78, 0x01, 0x00, 0x00, 0x04, 0x00});
            assertThat(closedWhileTrickling(socket, socket.getInputStream(), socket.getOutputStream())).isTrue();
            assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.REQUEST_TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void unauthenticatedConnectionsHoldAtMostTheirShareAndAuthenticatedGatewaysAreStillServed() throws Exception {
        try (var f = server(l -> l.withMaxConnections(8).withUnauthenticated(4, 100)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)));
             var gateway = f.rawSocket(Optional.of(f.pki.client("acme")))) {
            assertThat(RawKmip.exchange(gateway, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    silent.add(connectFrom("127.0.0." + (10 + i), f.server.port()));
                }
                assertThat(held(silent)).isEqualTo(4);
                assertThat(RawKmip.exchange(gateway, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
                assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.UNAUTHENTICATED_LIMIT)).isEqualTo(8);
                assertThat(f.server.metrics().connections().unauthenticated(Listener.TTLV)).isEqualTo(4);
                assertThat(f.server.metrics().connections().authenticated(Listener.TTLV)).isEqualTo(1);
            } finally {
                closeAll(silent);
            }
        }
    }

    @Test
    void oneAddressHoldsAtMostItsCapSoAGatewayFromAnotherAddressGetsIn() throws Exception {
        try (var f = server(l -> l.withMaxConnections(8).withUnauthenticated(6, 2)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)))) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    silent.add(connectFrom("127.0.0.2", f.server.port()));
                }
                assertThat(held(silent)).isEqualTo(2);
                assertThat(TlsSecurityTest.answered(f, Optional.of(f.pki.client("acme")))).isTrue();
                assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.ADDRESS_LIMIT)).isEqualTo(8);
            } finally {
                closeAll(silent);
            }
        }
    }

    @Test
    void tls12RenegotiationAskedForByTheClientIsRefused() throws Exception {
        try (var f = new ServerFixture();
             var socket = (SSLSocket) TestPki.clientContext(Optional.of(f.pki.client("acme")), f.pki.ca()).getSocketFactory()
                     .createSocket("127.0.0.1", f.server.port())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            assertThat(RawKmip.exchange(socket, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
            assertThatThrownBy(() -> {
                socket.startHandshake();
                RawKmip.exchange(socket, DISCOVER);
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusalsAtTheConnectionLimitAreCountedAndLoggedAtMostOnceAnInterval() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue() && String.valueOf(r.getMessage()).contains("kmip-connection")) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.krypton.kmip.server");
        logger.addHandler(capture);
        try (var f = server(l -> l.withMaxConnections(1));
             var gateway = f.rawSocket(Optional.of(f.pki.client("acme")))) {
            assertThat(RawKmip.exchange(gateway, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
            List<Socket> refused = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    refused.add(new Socket("127.0.0.1", f.server.port()));
                }
                assertThat(held(refused)).isZero();
            } finally {
                closeAll(refused);
            }
            assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.CONNECTION_LIMIT)).isEqualTo(50);
            // The first refusal is logged with its reason; the others are counted into at most one line per 10 s
            // (a second line only if this test took that long).
            assertThat(warnings).hasSizeBetween(1, 2);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedWithItsRealSize() throws Exception {
        try (var f = new ServerFixture(); var socket = f.rawSocket(Optional.of(f.pki.client("acme")))) {
            // A Request Message header announcing a 1 MiB body: 1,048,584 bytes with the header, over the 1 MiB limit.
            RawKmip.write(socket, new byte[] {0x42, 0x00, 0x78, 0x01, 0x00, 0x10, 0x00, 0x00});
            ResponseBatchItem item = RawKmip.read(socket).orElseThrow().batchItems().getFirst();
            assertThat(item.resultReason()).contains(ResultReason.INVALID_MESSAGE);
            assertThat(item.resultMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("message of 1048584 bytes exceeds the limit of 1048576"));
        }
    }

    @Test
    void aCertificateWithTwoCommonNamesIsRefused() {
        try (var f = new ServerFixture()) {
            assertThat(TlsSecurityTest.answered(f, Optional.of(f.pki.client("bob,CN=acme")))).isFalse();
            assertThat(TlsSecurityTest.answered(f, Optional.of(f.pki.client("acme,CN=bob")))).isFalse();
            assertThat(TlsSecurityTest.answered(f, Optional.of(f.pki.client("bob+CN=acme")))).isFalse();
            assertThat(TlsSecurityTest.answered(f, Optional.of(f.pki.client("acme")))).isTrue();
            assertThat(f.server.metrics().connections().refused(Listener.TTLV, Refusal.IDENTITY_REFUSED)).isEqualTo(3);
        }
    }

    @Test
    void aHandshakeTrickledToTheHttpsEndpointIsClosedAtItsDeadline() throws Exception {
        try (var f = server(l -> l.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            int port = f.server.serveHttps("127.0.0.1", 0).port();
            try (var peer = new Socket("127.0.0.1", port)) {
                peer.getOutputStream().write(CLIENT_HELLO_START);
                assertThat(closedWhileTrickling(peer, peer.getInputStream(), peer.getOutputStream())).isTrue();
            }
            assertThat(f.server.metrics().connections().refused(Listener.HTTPS, Refusal.HANDSHAKE_TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void oneAddressHoldsAtMostItsCapOfHttpsHandshakes() throws Exception {
        try (var f = server(l -> l.withUnauthenticated(6, 2)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)))) {
            int port = f.server.serveHttps("127.0.0.1", 0).port();
            List<Socket> started = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    Socket s = connectFrom("127.0.0.2", port);
                    s.getOutputStream().write(CLIENT_HELLO_START);
                    started.add(s);
                }
                assertThat(held(started)).isEqualTo(2);
                assertThat(f.server.metrics().connections().refused(Listener.HTTPS, Refusal.ADDRESS_LIMIT)).isEqualTo(8);
            } finally {
                closeAll(started);
            }
        }
    }

    /**
     * Sends one zero byte every {@link #PACE} until the server closes the connection (true) or
     * {@link #CLOSE_BOUND} has passed (false). Whatever the server answers meanwhile is read and dropped.
     */
    private static boolean closedWhileTrickling(Socket socket, InputStream in, OutputStream out)
            throws InterruptedException, IOException {
        socket.setSoTimeout(0);
        CountDownLatch closed = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                while (in.read() >= 0) {
                    // drop
                }
            } catch (IOException e) {
                // closed under the reader
            }
            closed.countDown();
        });
        long end = System.nanoTime() + CLOSE_BOUND.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (closed.await(PACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                try {
                    out.write(0);
                    out.flush();
                } catch (IOException e) {
                    return true;
                }
            }
            return false;
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
            reader.join(5000);
        }
    }

    /** A plain TCP connection to the listener from {@code localAddress} (any address of 127/8 is the loopback). */
    private static Socket connectFrom(String localAddress, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    /**
     * How many of {@code sockets} the server still holds: a refused one reads end of stream (or a
     * reset) at once; a held one, waiting for its handshake, sends nothing, so the read times out.
     */
    private static int held(List<Socket> sockets) throws IOException {
        int held = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(1000);
            try {
                if (s.getInputStream().read() >= 0) {
                    throw new IllegalStateException("the server sent bytes to a peer that sent no handshake");
                }
            } catch (SocketTimeoutException e) {
                held++;
            } catch (IOException e) {
                // reset: refused
            }
        }
        return held;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
