package dev.krypton.app.logging;

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

    private Logging() {
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
