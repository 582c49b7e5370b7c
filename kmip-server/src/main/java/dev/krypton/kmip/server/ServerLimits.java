package dev.krypton.kmip.server;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.server.operation.MultiPartLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one client can make the server hold (docs/design.md section 8).
 *
 * <p>A connection is <em>unauthenticated</em> from its accept until its TLS handshake has ended with
 * a trusted certificate that names a principal. Unauthenticated connections may hold at most
 * {@code maxUnauthenticated} of the {@code maxConnections} slots, at most
 * {@code maxUnauthenticatedPerAddress} of them from one source address, each for at most
 * {@code handshakeTimeout} in total: so at least {@code maxConnections - maxUnauthenticated} slots
 * are always left to gateways that authenticated, whatever an anonymous peer does.
 *
 * @param maxConnections               connections served at once; more are closed before their handshake
 * @param handshakeTimeout             deadline of the TLS handshake, counted from the accept (total time, not per read)
 * @param requestTimeout               deadline of one request, counted from its first byte until its whole frame is read
 *                                     (and again for writing its answer)
 * @param idleTimeout                  a connection with no byte of a new request for this long is closed
 * @param maxUnauthenticated           connections not yet authenticated, at once (capped by {@code maxConnections})
 * @param maxUnauthenticatedPerAddress connections not yet authenticated from one source address, at once
 * @param decode                       message size, nesting depth and item count of one request
 * @param maxBatchItems                batch items in one request message
 * @param maxLocateItems               identifiers one Locate may return (also caps Maximum Items + Offset Items)
 * @param maxRandomBytes               largest RNG Retrieve
 * @param multiPart                    open multi-part Encrypt operations, in all and per tenant, and their size
 */
public record ServerLimits(int maxConnections, Duration handshakeTimeout, Duration requestTimeout, Duration idleTimeout,
                           int maxUnauthenticated, int maxUnauthenticatedPerAddress, DecodeLimits decode,
                           int maxBatchItems, int maxLocateItems, int maxRandomBytes, MultiPartLimits multiPart) {

    public ServerLimits {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(decode, "decode");
        Objects.requireNonNull(multiPart, "multiPart");
        if (maxConnections < 1 || maxUnauthenticated < 1 || maxUnauthenticatedPerAddress < 1 || maxBatchItems < 1
                || maxLocateItems < 1 || maxRandomBytes < 1) {
            throw new KmipServerException("server limits must be at least 1");
        }
        for (Duration d : new Duration[] {handshakeTimeout, requestTimeout, idleTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new KmipServerException("server timeouts must be positive");
            }
        }
    }

    /**
     * 1,024 connections (at most 256 unauthenticated, 64 of them from one address), 10 s handshake,
     * 30 s per request, 5 min idle, 1 MiB messages, 1,000 batch items, 10,000 Locate identifiers,
     * 4,096 random bytes, {@link MultiPartLimits#defaults()}.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(1024, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5), 256, 64,
                DecodeLimits.DEFAULT, 1000, 10_000, 4096, MultiPartLimits.defaults());
    }

    /** The unauthenticated connections allowed at once: {@code maxUnauthenticated}, but never more than {@code maxConnections}. */
    public int unauthenticatedSlots() {
        return Math.min(maxUnauthenticated, maxConnections);
    }

    public ServerLimits withMaxConnections(int value) {
        return new ServerLimits(value, handshakeTimeout, requestTimeout, idleTimeout, maxUnauthenticated,
                maxUnauthenticatedPerAddress, decode, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withTimeouts(Duration handshake, Duration idle) {
        return withTimeouts(handshake, requestTimeout, idle);
    }

    public ServerLimits withTimeouts(Duration handshake, Duration request, Duration idle) {
        return new ServerLimits(maxConnections, handshake, request, idle, maxUnauthenticated, maxUnauthenticatedPerAddress,
                decode, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    /** At most {@code total} unauthenticated connections at once, {@code perAddress} of them from one address. */
    public ServerLimits withUnauthenticated(int total, int perAddress) {
        return new ServerLimits(maxConnections, handshakeTimeout, requestTimeout, idleTimeout, total, perAddress, decode,
                maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withDecode(DecodeLimits value) {
        return new ServerLimits(maxConnections, handshakeTimeout, requestTimeout, idleTimeout, maxUnauthenticated,
                maxUnauthenticatedPerAddress, value, maxBatchItems, maxLocateItems, maxRandomBytes, multiPart);
    }

    public ServerLimits withMaxLocateItems(int value) {
        return new ServerLimits(maxConnections, handshakeTimeout, requestTimeout, idleTimeout, maxUnauthenticated,
                maxUnauthenticatedPerAddress, decode, maxBatchItems, value, maxRandomBytes, multiPart);
    }

    public ServerLimits withMultiPart(MultiPartLimits value) {
        return new ServerLimits(maxConnections, handshakeTimeout, requestTimeout, idleTimeout, maxUnauthenticated,
                maxUnauthenticatedPerAddress, decode, maxBatchItems, maxLocateItems, maxRandomBytes, value);
    }
}
