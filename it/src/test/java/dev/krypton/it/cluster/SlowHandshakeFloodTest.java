package dev.krypton.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slow-handshake flood of an outside test, against one real {@code krypton serve} with its
 * default KMIP limits: 1,100 connections from one address (127.0.0.2), each sending a ClientHello
 * one byte every 5 s and reconnecting when closed, while 8 authenticated gateways (127.0.0.1)
 * unwrap DEKs with KMIP Decrypt in a loop. Before the fix the flood held every connection slot and
 * no new gateway got in. Asserted (behaviour, no timing): every Decrypt of the 8 gateways
 * succeeds and each makes progress in every 5 s window of the flood; a gateway connecting during
 * the flood is served; the node refused the flood's connections over the per-address cap and
 * never held more unauthenticated connections than its cap; a TLS 1.2 renegotiation is refused.
 * Printed: the Decrypt rate before (after a 10 s warm-up), during and after the flood
 * (docs/it-and-bench.md).
 */
@Tag("cluster")
class SlowHandshakeFloodTest {

    private static final int GATEWAYS = 8;
    private static final int FLOOD = 1_100;
    private static final Duration TRICKLE = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration BASELINE = Duration.ofSeconds(10);
    private static final Duration ATTACK = Duration.ofSeconds(30);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String ATTACKER = "127.0.0.2";
    private static final byte[] CLIENT_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};

    @Test
    void gatewaysKeepBeingServedDuringASlowHandshakeFloodFromOneAddress(@TempDir Path dir) throws Exception {
        String tenant = "flood-" + Long.toHexString(System.nanoTime());
        try (Cluster cluster = Cluster.in(dir).nodes(1).start(); GrpcTaskSender grpc = cluster.grpc(0)) {
            NodeProcess node = cluster.node(0);
            TaskRequest link = ClusterTasks.link(tenant, tenant + "-root");
            assertThat(grpc.send(link, 40_000).getStatus()).isEqualTo(TaskStatus.DONE);
            Gateway.WrappedDek dek;
            try (Gateway g = cluster.gateway(0)) {
                dek = g.wrapNewDek(g.createKek(tenant, "payments"));
            }
            List<Gateway> gateways = new ArrayList<>();
            List<Unwrapper> loops = new ArrayList<>();
            Flood flood = new Flood(node.kmipPort());
            try {
                for (int i = 0; i < GATEWAYS; i++) {
                    Gateway g = cluster.gateway(0);
                    gateways.add(g);
                    loops.add(new Unwrapper(g, dek));
                }
                Thread.sleep(WARM_UP.toMillis());
                long before = count(loops);
                Thread.sleep(BASELINE.toMillis());
                double baseline = (count(loops) - before) / (double) BASELINE.toSeconds();

                flood.start();
                long attackStart = count(loops);
                List<long[]> windows = new ArrayList<>();
                int maxUnauthenticated = 0;
                for (long w = 0; w < ATTACK.toMillis() / WINDOW.toMillis(); w++) {
                    long[] start = perGateway(loops);
                    Thread.sleep(WINDOW.toMillis());
                    long[] end = perGateway(loops);
                    long[] delta = new long[GATEWAYS];
                    for (int i = 0; i < GATEWAYS; i++) {
                        delta[i] = end[i] - start[i];
                    }
                    windows.add(delta);
                    maxUnauthenticated = Math.max(maxUnauthenticated, metric(node, "krypton_kmip_connections\\{listener=\"kmip\",state=\"unauthenticated\"\\}"));
                    if (w == 2) {
                        try (Gateway late = cluster.gateway(0)) {
                            assertThat(late.unwrapsCorrectly(dek)).as("a gateway connecting during the flood is served").isTrue();
                        }
                        assertThat(renegotiationRefused(cluster, node)).as("TLS 1.2 renegotiation refused").isTrue();
                    }
                }
                double attacked = (count(loops) - attackStart) / (double) ATTACK.toSeconds();
                flood.stop();
                long afterStart = count(loops);
                Thread.sleep(BASELINE.toMillis());
                double after = (count(loops) - afterStart) / (double) BASELINE.toSeconds();
                long addressRefusals = metric(node, "krypton_kmip_connections_refused_total\\{listener=\"kmip\",reason=\"address-limit\"\\}");
                long handshakeTimeouts = metric(node, "krypton_kmip_connections_refused_total\\{listener=\"kmip\",reason=\"handshake-timeout\"\\}");
                System.out.printf(Locale.ROOT, "slow-handshake flood: %d gateways, Decrypt %.0f/s before, %.0f/s during,"
                                + " %.0f/s after the flood (%d trickling connections from %s, %d connection attempts; node refused %d at the per-address cap,"
                                + " closed %d at the handshake deadline; at most %d unauthenticated held)%n",
                        GATEWAYS, baseline, attacked, after, FLOOD, ATTACKER, flood.attempts.get(), addressRefusals, handshakeTimeouts,
                        maxUnauthenticated);
                for (Unwrapper u : loops) {
                    assertThat(u.failures.sum()).as("Decrypt failures of a gateway").isZero();
                }
                for (long[] window : windows) {
                    assertThat(Arrays.stream(window).min().orElseThrow())
                            .as("fewest Decrypts of a gateway in a 5 s window of the flood").isPositive();
                }
                assertThat(addressRefusals).as("flood connections refused at the per-address cap").isPositive();
                assertThat(handshakeTimeouts).as("flood connections closed at the handshake deadline").isPositive();
                assertThat(maxUnauthenticated).as("unauthenticated connections held").isLessThanOrEqualTo(64);
                assertThat(node.ready()).isTrue();
            } finally {
                flood.stop();
                loops.forEach(Unwrapper::stop);
                gateways.forEach(Gateway::close);
            }
        }
    }

    private static long count(List<Unwrapper> loops) {
        return loops.stream().mapToLong(u -> u.done.sum()).sum();
    }

    private static long[] perGateway(List<Unwrapper> loops) {
        return loops.stream().mapToLong(u -> u.done.sum()).toArray();
    }

    /** True when a TLS 1.2 client with a gateway certificate cannot renegotiate (the node ends the connection). */
    private static boolean renegotiationRefused(Cluster cluster, NodeProcess node) throws IOException {
        var context = cluster.pki().clientTls(Cluster.GATEWAY).context();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", node.kmipPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThatThrownBy(() -> {
                socket.startHandshake();
                socket.getOutputStream().write(new byte[8]);
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
            return true;
        }
    }

    /** The value of the first /metrics line matching {@code series}. */
    private static int metric(NodeProcess node, String series) throws IOException, InterruptedException {
        String body;
        try (HttpClient http = HttpClient.newHttpClient()) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        Matcher m = Pattern.compile("(?m)^" + series + " (\\d+)$").matcher(body);
        assertThat(m.find()).as("metric " + series).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** One gateway unwrapping the same DEK in a loop on its own virtual thread. */
    private static final class Unwrapper {
        final LongAdder done = new LongAdder();
        final LongAdder failures = new LongAdder();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Unwrapper(Gateway gateway, Gateway.WrappedDek dek) {
            thread = Thread.ofVirtual().name("it-gateway").start(() -> {
                while (running.get()) {
                    try {
                        if (gateway.unwrapsCorrectly(dek)) {
                            done.increment();
                        } else {
                            failures.increment();
                        }
                    } catch (RuntimeException e) {
                        if (running.get()) {
                            failures.increment();
                        }
                    }
                }
            });
        }

        void stop() {
            running.set(false);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@value #FLOOD} connections from {@value #ATTACKER}, each on its own virtual thread: connect,
     * then one byte of a ClientHello every {@link #TRICKLE} (first bytes at a random offset, so the
     * writes spread), and connect again when a write fails because the node closed the connection.
     */
    private static final class Flood {
        final AtomicLong attempts = new AtomicLong();
        private final int port;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Flood(int port) {
            this.port = port;
        }

        void start() {
            for (int i = 0; i < FLOOD; i++) {
                threads.add(Thread.ofVirtual().name("it-flood").start(this::trickle));
            }
        }

        private void trickle() {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(TRICKLE.toMillis()));
                while (running.get()) {
                    try (Socket s = new Socket()) {
                        s.bind(new InetSocketAddress(InetAddress.getByName(ATTACKER), 0));
                        attempts.incrementAndGet();
                        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                        OutputStream out = s.getOutputStream();
                        for (int b = 0; running.get(); b = (b + 1) % CLIENT_HELLO.length) {
                            out.write(CLIENT_HELLO[b]);
                            out.flush();
                            Thread.sleep(TRICKLE.toMillis());
                        }
                    } catch (IOException e) {
                        Thread.sleep(TRICKLE.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            if (!running.getAndSet(false)) {
                return;
            }
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
