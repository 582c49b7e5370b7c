package dev.krypton.kmip.server;

import dev.krypton.engine.KeyOperations;
import dev.krypton.kmip.server.ConnectionMetrics.Listener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The KMIP listener (KMIP 1.4 section 10, KMIP 2.1 section 10.4: TTLV over TLS on port 5696).
 * One platform thread accepts; each connection is served by its own named virtual thread with
 * blocking socket I/O, answering its requests in order, so a slow peer costs a socket and a parked
 * virtual thread. Admission ({@link Admission}) happens on the accept thread before any TLS work: a
 * connection beyond {@link ServerLimits#maxConnections()}, beyond the unauthenticated share or beyond
 * the per-address cap of connections still in their handshake is closed at once. Handshake and
 * request deadlines ({@link Deadlines}) are enforced by one timer thread.
 */
public final class KmipServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KmipServer.class.getName());

    private final ServerConfig config;
    private final ServerSocket listener;
    private final ServerTls.Layer tls;
    private final Dispatcher dispatcher;
    private final RequestMetrics metrics;
    private final Admission admission;
    private final Deadlines deadlines;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ThreadFactory connections = Thread.ofVirtual().name("kmip-connection-", 1).factory();
    private final Thread acceptor;
    private volatile KmipHttps https;
    private volatile boolean closed;

    private KmipServer(ServerConfig config, KeyOperations keys, Clock clock) {
        this.config = config;
        this.metrics = new RequestMetrics();
        this.dispatcher = Dispatcher.standard(keys, config.limits(), clock, metrics);
        this.tls = new ServerTls.Layer(config.tls());
        this.admission = new Admission(config.limits(), Listener.TTLV, metrics.connections());
        this.listener = ServerTls.listen(config);
        this.deadlines = new Deadlines("kmip-deadlines-" + listener.getLocalPort());
        deadlines.onTick(admission::tick);
        this.acceptor = Thread.ofPlatform().name("kmip-accept-" + listener.getLocalPort()).daemon()
                .unstarted(this::acceptLoop);
    }

    /** Binds the port and starts serving {@code keys} (the engine's KMIP face). */
    public static KmipServer start(ServerConfig config, KeyOperations keys) {
        return start(config, keys, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig, KeyOperations)} with the clock used for KMIP dates and time stamps. */
    public static KmipServer start(ServerConfig config, KeyOperations keys, Clock clock) {
        KmipServer server = new KmipServer(config, keys, clock);
        server.acceptor.start();
        LOG.log(Level.INFO, "KMIP server listening on {0}:{1}", config.host(), String.valueOf(server.port()));
        return server;
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** Request latency and outcome counts since start (docs/design.md section 9). */
    public RequestMetrics metrics() {
        return metrics;
    }

    /**
     * Also serves {@code POST /kmip} over HTTPS on {@code host:port} (0: any free port), with this
     * listener's TLS setup, identity rule, limits and dispatcher ({@link KmipHttps}); closed with
     * this server. At most one HTTPS endpoint per server.
     */
    public synchronized KmipHttps serveHttps(String host, int port) {
        if (https != null) {
            throw new KmipServerException("the HTTPS endpoint is already started");
        }
        if (port < 0 || port > 65535) {
            throw new KmipServerException("HTTPS port must be 0-65535");
        }
        https = KmipHttps.start(host, port, config, dispatcher, metrics, deadlines);
        return https;
    }

    /** The bound HTTPS port, when {@link #serveHttps} was called. */
    public java.util.OptionalInt httpsPort() {
        KmipHttps h = https;
        return h == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(h.port());
    }

    /** Connections being served now. */
    public int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed: {0}", e.getMessage());
                    pause();
                }
                continue;
            }
            Optional<Admission.Slot> slot = admission.admit(socket.getInetAddress());
            if (slot.isEmpty()) {
                quietly(socket);
                continue;
            }
            Connection connection = new Connection(socket, tls, config, dispatcher, metrics, admission, slot.get(), deadlines);
            open.add(connection);
            connections.newThread(() -> {
                try {
                    connection.serve();
                } finally {
                    open.remove(connection);
                }
            }).start();
        }
    }

    /** Backs off after a failed accept (such as too many open files) instead of spinning. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        if (https != null) {
            https.close();
        }
        quietly(listener);
        open.forEach(Connection::close);
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadlines.close();
        admission.flush();
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "close failed: {0}", e.getMessage());
        }
    }
}
