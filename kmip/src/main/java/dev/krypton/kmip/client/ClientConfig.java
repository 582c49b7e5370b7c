package dev.krypton.kmip.client;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ProtocolVersion;
import java.time.Duration;

/**
 * Where and how a {@link KmipClient} connects.
 *
 * @param host            server host name or address; also checked against the server certificate
 *                        when {@code verifyHostname} is true
 * @param port            server port (5696 is the KMIP default)
 * @param tls             client identity, trusted CAs, protocols and cipher suites
 * @param version         the protocol version this client speaks in every request
 * @param connectTimeout  TCP connect plus TLS handshake limit
 * @param readTimeout     longest wait for a response frame
 * @param maxConnections  size of the connection pool (concurrent callers beyond it wait)
 * @param maxMessageBytes largest response frame accepted
 * @param verifyHostname  whether the server certificate must name {@code host}
 */
public record ClientConfig(String host, int port, TlsSettings tls, ProtocolVersion version,
                           Duration connectTimeout, Duration readTimeout, int maxConnections,
                           int maxMessageBytes, boolean verifyHostname) {
    public static final int DEFAULT_PORT = 5696;

    public ClientConfig {
        if (host.isBlank() || port <= 0 || port > 65535) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "invalid server address " + host + ":" + port);
        }
        if (maxConnections < 1 || maxMessageBytes < 64) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "pool size must be >= 1 and message limit >= 64");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "timeouts must be positive");
        }
    }

    /** Defaults: KMIP 1.4, 10 s connect, 30 s read, 4 connections, 16 MiB frames, host name checked. */
    public static ClientConfig of(String host, int port, TlsSettings tls) {
        return new ClientConfig(host, port, tls, ProtocolVersion.V1_4, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 4, 16 << 20, true);
    }

    public ClientConfig withVersion(ProtocolVersion v) {
        return new ClientConfig(host, port, tls, v, connectTimeout, readTimeout, maxConnections, maxMessageBytes, verifyHostname);
    }

    public ClientConfig withTimeouts(Duration connect, Duration read) {
        return new ClientConfig(host, port, tls, version, connect, read, maxConnections, maxMessageBytes, verifyHostname);
    }

    public ClientConfig withMaxConnections(int n) {
        return new ClientConfig(host, port, tls, version, connectTimeout, readTimeout, n, maxMessageBytes, verifyHostname);
    }

    public ClientConfig withVerifyHostname(boolean verify) {
        return new ClientConfig(host, port, tls, version, connectTimeout, readTimeout, maxConnections, maxMessageBytes, verify);
    }
}
