package dev.krypton.app.logging;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets up the root {@code java.util.logging} logger once at start-up. {@link LogFormat#TEXT} keeps
 * the JDK's configuration; {@link LogFormat#JSON} replaces the root handlers with one that writes
 * {@link JsonLogFormatter} lines to standard error, flushed per record.
 */
public final class Logging {

    /**
     * The libraries that log their connection life at INFO: ProtonJ2 (AMQP), Netty (ProtonJ2's own
     * copy and gRPC's shaded one, named {@code io.grpc.netty.shaded...}) and gRPC. Held here because
     * {@code java.util.logging} keeps loggers only weakly: a level set on a logger nobody holds is lost.
     */
    private static final List<Logger> LIBRARIES = List.of(Logger.getLogger("org.apache.qpid.protonj2"),
            Logger.getLogger("io.netty"), Logger.getLogger("io.grpc"));

    private Logging() {
    }

    /**
     * For the one-shot commands (everything but a node: {@code serve}, {@code dev}): the libraries
     * above log WARNING and worse only, so the command's output is its answer and real errors.
     */
    public static void quietLibraries() {
        for (Logger library : LIBRARIES) {
            library.setLevel(Level.WARNING);
        }
    }

    public static void configure(LogFormat format) {
        if (format == LogFormat.TEXT) {
            return;
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler json = new ConsoleHandler();
        json.setFormatter(new JsonLogFormatter());
        json.setLevel(Level.ALL);
        root.addHandler(json);
    }
}
