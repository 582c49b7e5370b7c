package dev.krypton.kmip.server;

import java.util.Objects;

/**
 * Everything the KMIP listener needs besides the engine.
 *
 * @param host     address to bind (for example "0.0.0.0" or "127.0.0.1")
 * @param port     TCP port; 5696 is the KMIP port (KMIP 1.4 section 10), 0 picks a free one
 * @param tls      server identity, client CA bundle, CRLs and suites
 * @param identity how a client certificate becomes a principal
 * @param limits   connection and message bounds
 */
public record ServerConfig(String host, int port, TlsConfig tls, IdentityRule identity, ServerLimits limits) {

    /** The IANA-assigned KMIP port. */
    public static final int KMIP_PORT = 5696;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new KmipServerException("port must be 0-65535");
        }
    }

    /** A server on {@code host:port} with the default limits. */
    public static ServerConfig of(String host, int port, TlsConfig tls, IdentityRule identity) {
        return new ServerConfig(host, port, tls, identity, ServerLimits.defaults());
    }

    public ServerConfig withLimits(ServerLimits value) {
        return new ServerConfig(host, port, tls, identity, value);
    }
}
