package dev.krypton.app.node;

import dev.krypton.app.AppException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A broker address {@code amqp://user:password@host:port}; port 5672 and guest/guest when omitted.
 * {@link #toString()} never shows the password.
 */
public record AmqpUrl(String host, int port, String user, String password) {

    /** Parses the URL; a usage error names what is wrong. */
    public static AmqpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw AppException.usage("--amqp must be a URL like amqp://guest:guest@127.0.0.1:5672, not '" + text + "'");
        }
        if (!"amqp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw AppException.usage("--amqp must be a URL like amqp://guest:guest@127.0.0.1:5672 (scheme amqp, a host)");
        }
        String user = "guest";
        String password = "guest";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        return new AmqpUrl(uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "amqp://" + user + "@" + host + ":" + port;
    }
}
