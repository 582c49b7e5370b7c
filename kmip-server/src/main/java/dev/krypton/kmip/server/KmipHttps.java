package dev.krypton.kmip.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.krypton.engine.Principal;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.text.KmipJson;
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
 * The optional HTTPS endpoint {@code POST /kmip} (KMIP Profiles 1.4 section 5.4 HTTPS and 5.5
 * JSON message encodings; DESIGN.md section 8), answered by the same dispatcher as the TTLV
 * listener, under the same TLS setup (client certificate required), identity rule and limits.
 * The body is one request message: {@code application/octet-stream} TTLV, answered in TTLV, or
 * {@code application/json} TTLV-JSON, answered in JSON. Status codes: 200 with a KMIP response
 * (failures included, as on the TTLV listener), 403 certificate without a principal, 404 another
 * path, 405 another method, 413 a body over the message size limit, 415 another content type,
 * 503 more requests in flight than the connection limit. Requests run on virtual threads.
 */
public final class KmipHttps implements AutoCloseable {

    /** The one path served. */
    public static final String PATH = "/kmip";
    static final String TTLV = "application/octet-stream";
    static final String JSON = "application/json";

    private static final System.Logger LOG = System.getLogger(KmipHttps.class.getName());

    private final HttpsServer server;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kmip-https-", 1).factory());
    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final Semaphore slots;

    private KmipHttps(String host, int port, ServerConfig config, Dispatcher dispatcher) {
        this.config = config;
        this.dispatcher = dispatcher;
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
                params.setSSLParameters(ServerTls.parameters(config.tls(), context.getDefaultSSLParameters(),
                        context.getSupportedSSLParameters().getCipherSuites()));
            }
        });
        server.createContext(PATH, this::serve);
        server.setExecutor(workers);
    }

    static KmipHttps start(String host, int port, ServerConfig config, Dispatcher dispatcher) {
        KmipHttps https = new KmipHttps(host, port, config, dispatcher);
        https.server.start();
        LOG.log(Level.INFO, "KMIP HTTPS endpoint listening on https://{0}:{1}{2}", host, String.valueOf(https.port()), PATH);
        return https;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
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
        if (!type.equals(TTLV) && !type.equals(JSON)) {
            reply(exchange, 415, "Content-Type must be " + TTLV + " (TTLV) or " + JSON + " (TTLV-JSON)");
            return;
        }
        Optional<Principal> principal = principal((HttpsExchange) exchange);
        if (principal.isEmpty()) {
            LOG.log(Level.WARNING, "security event=kmip-https-identity-refused peer={0}: the client certificate names no principal",
                    String.valueOf(exchange.getRemoteAddress()));
            reply(exchange, 403, "the client certificate names no principal");
            return;
        }
        int max = config.limits().decode().maxMessageBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.isBlank() && tooLong(length.strip(), max)) {
            reply(exchange, 413, "a request may have at most " + max + " bytes");
            return;
        }
        byte[] body = readAtMost(exchange.getRequestBody(), max);
        if (body == null) {
            reply(exchange, 413, "a request may have at most " + max + " bytes");
            return;
        }
        byte[] response = type.equals(TTLV) ? dispatcher.handle(body, principal.get()).frame() : json(body, principal.get());
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
    }

    /** TTLV-JSON in, TTLV-JSON out, through the TTLV dispatcher. */
    private byte[] json(byte[] body, Principal principal) {
        byte[] ttlv;
        try {
            Ttlv request = KmipJson.decode(body, config.limits().decode());
            ttlv = dispatcher.handle(TtlvEncoder.encode(request), principal).frame();
        } catch (KmipException e) {
            ttlv = dispatcher.unreadable(e).frame();
        }
        return KmipJson.encode(TtlvDecoder.decode(ttlv)).getBytes(StandardCharsets.UTF_8);
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
    }
}
