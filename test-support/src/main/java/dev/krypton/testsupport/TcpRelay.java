package dev.krypton.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between one node and a server (PostgreSQL, or the AMQP broker) that a test can cut
 * like a network partition, or that holds the one request that matches a sequence of byte
 * patterns (to kill the node exactly at that point of a task).
 *
 * <p>{@link #cut()} is a blackhole: relayed bytes stop in both directions and new connections are
 * accepted but never reach the server, so the node's queries hang as they would behind a dead
 * network. {@link #refuse()} is the loud partition: every relayed connection is closed and new
 * ones are closed at once. {@link #heal()} ends either: connections that lived through a cut are
 * closed (their streams lost bytes) and new connections are relayed again. {@link #resetAll()}
 * closes every relayed connection once, as a server restart would, and goes on relaying.
 *
 * <p>{@link #pause()} is a blackhole that heals the way a real network does: relayed bytes stop
 * in both directions (nothing is lost: TCP's flow control backs up behind the relay) and new
 * connections wait; {@link #resume()} delivers everything that waited, so a query sent before the
 * pause gets its answer after it, late.
 *
 * <p>{@link #holdAt} watches the client-to-server bytes of every connection: each pattern of the
 * sequence must appear in order (across connections: the node's pool uses any of them), and the
 * read that contains the last one is not forwarded; the connection then stalls until it is closed.
 */
public final class TcpRelay implements AutoCloseable {

    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean refusing;
    private volatile Hold hold;
    private final Object pauseLock = new Object();
    private volatile boolean paused;

    public TcpRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-relay-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Partitions the node from PostgreSQL. */
    public void cut() {
        cut = true;
        relays.forEach(r -> r.cutOff = true);
    }

    /** Stops relaying without losing a byte, until {@link #resume()} (see the class comment). */
    public void pause() {
        paused = true;
    }

    /** Delivers what waited during {@link #pause()} and relays again. */
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    private void awaitUnpaused() throws IOException {
        synchronized (pauseLock) {
            while (paused) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while paused", e);
                }
            }
        }
    }

    /** Closes every relayed connection and closes new ones at once, until {@link #heal()}. */
    public void refuse() {
        refusing = true;
        resetAll();
    }

    /** Closes every relayed connection now; new ones are relayed as before. */
    public void resetAll() {
        relays.forEach(Relay::close);
    }

    /** Ends the partition: connections that lived through it are closed, new ones are relayed. */
    public void heal() {
        for (Relay r : relays) {
            if (r.cutOff) {
                r.close();
            }
        }
        cut = false;
        refusing = false;
    }

    public boolean isCut() {
        return cut;
    }

    /**
     * Arms a hold: the client-to-server read that completes {@code steps} (each a pattern that
     * must be seen in a later read than the previous one) is held back.
     */
    public Hold holdAt(List<String> steps) {
        Hold h = new Hold(steps.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        hold = h;
        return h;
    }

    /** Disarms the hold (a request already held stays held). */
    public void disarm() {
        hold = null;
    }

    /** An armed hold. */
    public static final class Hold {
        private final List<byte[]> steps;
        private final int longest;
        private int next;
        private final CountDownLatch held = new CountDownLatch(1);
        private volatile Relay relay;

        private Hold(List<byte[]> steps) {
            this.steps = steps;
            this.longest = steps.stream().mapToInt(b -> b.length).max().orElse(1);
        }

        /** Waits until a request was held. */
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return held.await(timeout, unit);
        }

        public boolean held() {
            return held.getCount() == 0;
        }

        /** Drops the held request and closes its connection (the server rolls back whatever it had open). */
        public void drop() {
            Relay r = relay;
            if (r != null) {
                r.close();
            }
        }

        /**
     * True when this read completes the sequence (and is to be held). Only matches that end in the
     * new bytes (at or after {@code fresh}) count, so the kept tail never counts twice.
     */
        private synchronized boolean step(byte[] window, int fresh, Relay from) {
            if (held() || next >= steps.size()) {
                return false;
            }
            byte[] pattern = steps.get(next);
            if (indexOf(window, pattern, Math.max(0, fresh - pattern.length + 1)) < 0) {
                return false;
            }
            next++;
            if (next < steps.size()) {
                return false;
            }
            relay = from;
            held.countDown();
            return true;
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    quietly(client);
                    continue;
                }
                Relay r = new Relay(client);
                relays.add(r);
                if (cut) {
                    r.cutOff = true;
                    continue;
                }
                Thread.ofVirtual().name("tcp-relay-connect").start(() -> connect(r, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Connects a new relay to the server (after a pause, if one is on) and starts its pumps. */
    private void connect(Relay r, Socket client) {
        try {
            awaitUnpaused();
            r.server = new Socket(host, port);
        } catch (IOException e) {
            r.close();
            return;
        }
        Thread.ofVirtual().name("tcp-relay-up").start(() -> r.pump(client, r.server, true));
        Thread.ofVirtual().name("tcp-relay-down").start(() -> r.pump(r.server, client, false));
    }

    private final class Relay {
        private final Socket client;
        private volatile Socket server;
        private volatile boolean cutOff;
        private volatile boolean stalled;

        Relay(Socket client) {
            this.client = client;
        }

        void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[64 * 1024];
            byte[] tail = new byte[0];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    Hold h = hold;
                    if (upstream && h != null) {
                        byte[] window = concat(tail, buffer, n);
                        int fresh = tail.length;
                        tail = Arrays.copyOfRange(window, Math.max(0, window.length - h.longest + 1), window.length);
                        if (!stalled && h.step(window, fresh, this)) {
                            stalled = true;
                        }
                    }
                    if (cutOff || stalled) {
                        continue;
                    }
                    awaitUnpaused();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the test closed this relay
            } finally {
                close();
            }
        }

        void close() {
            relays.remove(this);
            quietly(client);
            Socket s = server;
            if (s != null) {
                quietly(s);
            }
        }
    }

    private static byte[] concat(byte[] tail, byte[] buffer, int n) {
        byte[] out = Arrays.copyOf(tail, tail.length + n);
        System.arraycopy(buffer, 0, out, tail.length, n);
        return out;
    }

    /** First index at or after {@code from} where {@code pattern} starts, or -1. */
    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        relays.forEach(Relay::close);
    }
}
