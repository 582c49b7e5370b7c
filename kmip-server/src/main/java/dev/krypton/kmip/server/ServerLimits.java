package dev.krypton.kmip.server;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.server.operation.MultiPartLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one client can make the server hold (DESIGN.md section 8).
 *
 * @param maxConnections   connections served at once; more are closed before their handshake
 * @param handshakeTimeout time allowed for the TLS handshake
 * @param idleTimeout      a connection with no complete request for this long is closed
 * @param decode           message size, nesting depth and item count of one request
 * @param maxBatchItems    batch items in one request message
 * @param maxLocateItems   identifiers one Locate may return (also caps Maximum Items + Offset Items)
 * @param maxRandomBytes   largest RNG Retrieve
 * @param multiPart        open multi-part Encrypt operations, in all and per tenant, and their size
 */
public record ServerLimits(int maxConnections, Duration handshakeTimeout, Duration idleTimeout, DecodeLimits decode,
                           int maxBatchItems, int maxLocateItems, int maxRandomBytes, MultiPartLimits multiPart) {

    public ServerLimits {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(decode, "decode");
        Objects.requireNonNull(multiPart, "multiPart");
        if (maxConnections < 1 || maxBatchItems < 1 || maxLocateItems < 1 || maxRandomBytes < 1) {
            throw new KmipServerException("server limits must be at least 1");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new KmipServerException("server timeouts must be positive");
        }
    }

    /**
     * 1,024 connections, 10 s handshake, 5 min idle, 1 MiB messages, 1,000 batch items, 10,000
     * Locate identifiers, 4,096 random bytes, {@link MultiPartLimits#defaults()}.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(1024, Duration.ofSeconds(10), Duration.ofMinutes(5), DecodeLimits.DEFAULT, 1000, 10_000, 4096,
                MultiPartLimits.defaults());
    }

    public ServerLimits withMaxConnections(int value) {
        return new ServerLimits(value, handshakeTimeout, idleTimeout, decode, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withTimeouts(Duration handshake, Duration idle) {
        return new ServerLimits(maxConnections, handshake, idle, decode, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withDecode(DecodeLimits value) {
        return new ServerLimits(maxConnections, handshakeTimeout, idleTimeout, value, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withMaxLocateItems(int value) {
        return new ServerLimits(maxConnections, handshakeTimeout, idleTimeout, decode, maxBatchItems, value, maxRandomBytes, multiPart);
    }

    public ServerLimits withMultiPart(MultiPartLimits value) {
        return new ServerLimits(maxConnections, handshakeTimeout, idleTimeout, decode, maxBatchItems, maxLocateItems, maxRandomBytes, value);
    }
}
