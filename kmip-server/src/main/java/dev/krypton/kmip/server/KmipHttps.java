package dev.krypton.kmip.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.krypton.engine.Principal;
import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.text.KmipJson;
import dev.krypton.kmip.text.KmipXml;
import dev.krypton.kmip.server.ConnectionMetrics.Listener;
import dev.krypton.kmip.server.ConnectionMetrics.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The optional HTTPS endpoint {@code POST /kmip} (KMIP Additional Message Encodings: the HTTPS,
 * JSON and XML profiles; docs/design.md section 8), answered by the same dispatcher as the TTLV
 * listener, under the same TLS setup (client certificate required), identity rule and limits.
 * The body is one request message: {@code application/octet-stream} TTLV, answered in TTLV;
 * {@code application/json} TTLV-JSON, answered in JSON; or {@code text/xml} (also
 * {@code application/xml}) KMIP XML, answered in XML. Each message is timed in the request
 * metrics like one on the TTLV listener. Status codes: 200 with a KMIP response
 * (failures included, as on the TTLV listener), 403 certificate without a principal, 404 another
 * path, 405 another method, 413 a body over the message size limit, 415 another content type,
 * 503 more requests in flight than the connection limit. Requests run on virtual threads.
 *
 * <p>Bounds against peers that never authenticate, as on the TTLV listener but within what the
 * JDK server lets us see. Its dispatcher thread accepts connections without reading them; a
 * connection that sends a byte becomes an exchange run on our executor, where the TLS handshake,
 * the request head and the body are read by blocking reads. A new connection is admitted when the
 * JDK asks this endpoint to configure its TLS parameters (it names the peer's address there):
 * refused beyond the unauthenticated share or the per-address cap ({@link Admission}). Each exchange
 * has a deadline in total elapsed time ({@link Deadlines}): handshake time-out plus request time-out
 * for a new connection, request time-out for a further request on a kept-alive one, counted from
 * the first byte until the body is read; when it passes, the exchange's thread is interrupted, which
 * closes its channel (an interruptible channel) wherever the read is blocked. The JDK closes
 * connections that send nothing within {@code sun.net.httpserver.idleInterval} (30 s by default),
 * holding only a socket meanwhile.
 */
public final class KmipHttps implements AutoCloseable {

    /** The one path served. */
    public static final String PATH = "/kmip";
    static final String TTLV = "application/octet-stream";
    static final String JSON = "application/json";
    static final String XML = "text/xml";
    static final String XML_ALIAS = "application/xml";

    private static final System.Logger LOG = System.getLogger(KmipHttps.class.getName());

    private final HttpsServer server;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kmip-https-", 1).factory());
    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final Semaphore slots;
    private final RequestMetrics metrics;
    private final Admission admission;
    private final Deadlines deadlines;
    private final ScopedValue<Exchange> current = ScopedValue.newInstance();

    /** One exchange of the JDK server as our executor runs it: its thread, deadline and (new connections) admission slot. */
    private static final class Exchange {
        final Thread thread = Thread.currentThread();
        Deadlines.Deadline deadline;
        volatile String peer = "a kept-alive connection";
        Admission.Slot slot;
    }

    private KmipHttps(String host, int port, ServerConfig config, Dispatcher dispatcher, RequestMetrics metrics,
                      Deadlines deadlines) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.deadlines = deadlines;
        this.admission = new Admission(config.limits(), Listener.HTTPS, metrics.connections());
        deadlines.onTick(admission::tick);
        this.slots = new Semaphore(config.limits().maxConnections());
        SSLContext context = ServerTls.context(config.tls());
        try {
            server = HttpsServer.create(new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            throw new KmipServerException("cannot listen on " + host + ":" + port + " for HTTPS", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                admit(params.getClientAddress());
                params.setSSLParameters(ServerTls.parameters(config.tls(), context.getDefaultSSLParameters(),
                        context.getSupportedSSLParameters().getCipherSuites()));
            }
        });
        server.createContext(PATH, this::serve);
        server.setExecutor(task -> workers.execute(() -> exchange(task)));
    }

    static KmipHttps start(String host, int port, ServerConfig config, Dispatcher dispatcher, RequestMetrics metrics,
                           Deadlines deadlines) {
        KmipHttps https = new KmipHttps(host, port, config, dispatcher, metrics, deadlines);
        https.server.start();
        LOG.log(Level.INFO, "KMIP HTTPS endpoint listening on https://{0}:{1}{2}", host, String.valueOf(https.port()), PATH);
        return https;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Runs one exchange of the JDK server under a deadline (request time-out until a new connection is admitted). */
    private void exchange(Runnable task) {
        Exchange x = new Exchange();
        try (Deadlines.Deadline deadline = deadlines.watch(why -> {
            admission.refused(why, x.peer, "exchange interrupted after its deadline");
            x.thread.interrupt();
        })) {
            x.deadline = deadline;
            deadline.arm(config.limits().requestTimeout(), Refusal.REQUEST_TIMEOUT);
            ScopedValue.where(current, x).run(task);
            deadline.disarm();
        } finally {
            if (x.slot != null) {
                x.slot.close();
            }
        }
    }

    /**
     * Called by the JDK server on the exchange's thread for each new connection, before its handshake:
     * takes an unauthenticated slot for the peer's address and sets the deadline of handshake and first
     * request. A refusal is thrown, and the JDK server closes the connection.
     */
    private void admit(InetSocketAddress peer) {
        if (!current.isBound()) {
            return;
        }
        Exchange x = current.get();
        x.peer = String.valueOf(peer);
        Optional<Admission.Slot> slot = admission.admit(peer.getAddress());
        if (slot.isEmpty()) {
            throw new KmipServerException("connection refused");
        }
        x.slot = slot.get();
        x.deadline.arm(config.limits().handshakeTimeout().plus(config.limits().requestTimeout()), Refusal.HANDSHAKE_TIMEOUT);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!slots.tryAcquire()) {
                reply(exchange, 503, "too many requests in flight");
                return;
            }
            try {
                answer(exchange);
            } finally {
                slots.release();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "HTTPS exchange ended: {0}", e.getMessage());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            reply(exchange, 404, "not found; KMIP is served at POST " + PATH);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            reply(exchange, 405, "method not allowed; use POST");
            return;
        }
        String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.equals(TTLV) && !type.equals(JSON) && !type.equals(XML) && !type.equals(XML_ALIAS)) {
            reply(exchange, 415, "Content-Type must be " + TTLV + " (TTLV), " + JSON + " (TTLV-JSON) or " + XML
                    + " (KMIP XML)");
            return;
        }
        Optional<Principal> principal = principal((HttpsExchange) exchange);
        if (principal.isEmpty()) {
            admission.refused(Refusal.IDENTITY_REFUSED, String.valueOf(exchange.getRemoteAddress()),
                    "the client certificate names no single principal");
            reply(exchange, 403, "the client certificate names no principal");
            return;
        }
        Exchange x = current.isBound() ? current.get() : null;
        if (x != null && x.slot != null) {
            x.slot.authenticated();
        }
        int max = config.limits().decode().maxMessageBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.isBlank() && tooLong(length.strip(), max)) {
            reply(exchange, 413, "a request may have at most " + max + " bytes");
            return;
        }
        long start = System.nanoTime();
        byte[] body = readAtMost(exchange.getRequestBody(), max);
        if (body == null) {
            reply(exchange, 413, "a request may have at most " + max + " bytes");
            return;
        }
        if (x != null && !x.deadline.disarm()) {
            return;
        }
        Dispatcher.Reply reply = switch (type) {
            case TTLV -> dispatcher.handle(body, principal.get());
            case JSON -> text(body, principal.get(), KmipJson::decode);
            default -> text(body, principal.get(), KmipXml::decode);
        };
        byte[] response = switch (type) {
            case TTLV -> reply.frame();
            case JSON -> KmipJson.encode(TtlvDecoder.decode(reply.frame())).getBytes(StandardCharsets.UTF_8);
            default -> KmipXml.encode(TtlvDecoder.decode(reply.frame())).getBytes(StandardCharsets.UTF_8);
        };
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
        exchange.getResponseBody().flush();
        metrics.message(reply.operationSlot(), System.nanoTime() - start);
    }

    /** A text encoding in: decoded to TTLV for the dispatcher (an undecodable body gets the dispatcher's error answer). */
    private Dispatcher.Reply text(byte[] body, Principal principal, TextDecoder decoder) {
        try {
            Ttlv request = decoder.decode(body, config.limits().decode());
            return dispatcher.handle(TtlvEncoder.encode(request), principal);
        } catch (KmipException e) {
            return dispatcher.unreadable(e);
        }
    }

    /** {@code KmipJson::decode} or {@code KmipXml::decode}. */
    @FunctionalInterface
    private interface TextDecoder {
        Ttlv decode(byte[] body, DecodeLimits limits);
    }

    private Optional<Principal> principal(HttpsExchange exchange) {
        try {
            var chain = exchange.getSSLSession().getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                return config.identity().principal(leaf);
            }
        } catch (SSLPeerUnverifiedException e) {
            LOG.log(Level.DEBUG, "HTTPS request without a verified client certificate");
        }
        return Optional.empty();
    }

    private static boolean tooLong(String length, int max) {
        try {
            return Long.parseLong(length) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max);
        if (body.length == max && in.read() != -1) {
            return null;
        }
        return body;
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Stops accepting and ends the exchanges in progress. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        admission.flush();
    }
}
