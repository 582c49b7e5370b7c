package dev.krypton.kmip.server;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connection metrics of the KMIP listeners: connections held now, unauthenticated (accepted, TLS
 * handshake not yet ended with a certificate that names a principal) and authenticated, and
 * connections refused or closed by a bound, by reason. Each listener (the TTLV socket and the
 * HTTPS endpoint) has its own series.
 */
public final class ConnectionMetrics {

    /** The listener a series belongs to; {@link #label()} is its Prometheus label value. */
    public enum Listener {
        TTLV, HTTPS;

        public String label() {
            return this == TTLV ? "kmip" : "kmip-https";
        }
    }

    /** Why a connection was refused or closed early; {@link #label()} is its Prometheus label value. */
    public enum Refusal {
        /** {@code maxConnections} connections were open. */
        CONNECTION_LIMIT,
        /** {@code maxUnauthenticated} connections were waiting for their handshake to end. */
        UNAUTHENTICATED_LIMIT,
        /** {@code maxUnauthenticatedPerAddress} connections from the same address were waiting for their handshake. */
        ADDRESS_LIMIT,
        /** The handshake was not over within {@code handshakeTimeout}. */
        HANDSHAKE_TIMEOUT,
        /** A request was not read (or its answer not written) within {@code requestTimeout}. */
        REQUEST_TIMEOUT,
        /** The TLS handshake failed (no certificate, untrusted, revoked, no common suite, renegotiation...). */
        TLS_REFUSED,
        /** A trusted certificate that names no principal under the identity rule. */
        IDENTITY_REFUSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Listener[] LISTENERS = Listener.values();
    private static final Refusal[] REFUSALS = Refusal.values();

    private final LongAdder[] refused = new LongAdder[LISTENERS.length * REFUSALS.length];
    private final AtomicInteger[] unauthenticated = new AtomicInteger[LISTENERS.length];
    private final AtomicInteger[] authenticated = new AtomicInteger[LISTENERS.length];

    ConnectionMetrics() {
        for (int i = 0; i < refused.length; i++) {
            refused[i] = new LongAdder();
        }
        for (int i = 0; i < LISTENERS.length; i++) {
            unauthenticated[i] = new AtomicInteger();
            authenticated[i] = new AtomicInteger();
        }
    }

    void count(Listener listener, Refusal reason) {
        refused[listener.ordinal() * REFUSALS.length + reason.ordinal()].increment();
    }

    void held(Listener listener, int unauthenticatedNow, int authenticatedNow) {
        unauthenticated[listener.ordinal()].set(unauthenticatedNow);
        authenticated[listener.ordinal()].set(authenticatedNow);
    }

    /** Connections of {@code listener} refused or closed for {@code reason} since start. */
    public long refused(Listener listener, Refusal reason) {
        return refused[listener.ordinal() * REFUSALS.length + reason.ordinal()].sum();
    }

    /** Connections of {@code listener} accepted and not yet authenticated, now. */
    public int unauthenticated(Listener listener) {
        return unauthenticated[listener.ordinal()].get();
    }

    /** Connections of {@code listener} authenticated and open, now (HTTPS: requests being handled). */
    public int authenticated(Listener listener) {
        return authenticated[listener.ordinal()].get();
    }
}
