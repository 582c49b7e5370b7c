package dev.krypton.kmip.server;

import dev.krypton.engine.RefusalLog;
import dev.krypton.kmip.server.ConnectionMetrics.Listener;
import dev.krypton.kmip.server.ConnectionMetrics.Refusal;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may hold a connection slot of one listener. A new connection takes an unauthenticated slot:
 * refused when {@link ServerLimits#maxConnections()} connections are open, when
 * {@link ServerLimits#unauthenticatedSlots()} are waiting for their handshake, or when
 * {@link ServerLimits#maxUnauthenticatedPerAddress()} of those come from the same address. A
 * handshake that ends with a certificate naming a principal moves the connection to the
 * authenticated pool, which frees its unauthenticated slot. So peers that never authenticate hold
 * at most the unauthenticated share and gateways always find the rest.
 *
 * <p>Refusals are counted in {@link ConnectionMetrics} and logged through one {@link RefusalLog} per
 * kind ({@code security event=kmip-connection-limit}, {@code kmip-tls-refused}, ...): the first with
 * its peer and reason, then a count at most every 10 s, so a flood of connections adds a line per
 * kind every 10 s, not one per connection.
 */
final class Admission {

    private static final System.Logger LOG = System.getLogger(Admission.class.getName());

    private final ServerLimits limits;
    private final Listener listener;
    private final ConnectionMetrics metrics;
    private final Map<Refusal, RefusalLog> logs = new EnumMap<>(Refusal.class);
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int unauthenticated;
    private int authenticated;

    Admission(ServerLimits limits, Listener listener, ConnectionMetrics metrics) {
        this.limits = limits;
        this.listener = listener;
        this.metrics = metrics;
        for (Refusal r : Refusal.values()) {
            logs.put(r, new RefusalLog(LOG, "security event=kmip-" + r.label() + " listener=" + listener.label(),
                    "refusing connections", RefusalLog.DEFAULT_INTERVAL, System::nanoTime));
        }
    }

    /** An unauthenticated slot for a connection from {@code address}, or empty (counted and logged) when a bound is reached. */
    Optional<Slot> admit(InetAddress address) {
        Refusal refusal;
        synchronized (this) {
            refusal = unauthenticated + authenticated >= limits.maxConnections() ? Refusal.CONNECTION_LIMIT
                    : unauthenticated >= limits.unauthenticatedSlots() ? Refusal.UNAUTHENTICATED_LIMIT
                    : byAddress.getOrDefault(address, 0) >= limits.maxUnauthenticatedPerAddress() ? Refusal.ADDRESS_LIMIT
                    : null;
            if (refusal == null) {
                unauthenticated++;
                byAddress.merge(address, 1, Integer::sum);
                publish();
            }
        }
        if (refusal != null) {
            refused(refusal, address.getHostAddress(), describe(refusal));
            return Optional.empty();
        }
        return Optional.of(new Slot(address));
    }

    /** Counts and logs (rate-limited, one log per kind of refusal) a connection from {@code peer} refused or closed early. */
    void refused(Refusal refusal, String peer, String reason) {
        metrics.count(listener, refusal);
        logs.get(refusal).refused("peer=" + peer + " reason=" + refusal.label() + ": " + reason);
    }

    /** Writes the pending refusal counts whose interval is up (called by a timer). */
    void tick() {
        logs.values().forEach(RefusalLog::tick);
    }

    /** Writes the refusals not logged yet (at shutdown). */
    void flush() {
        logs.values().forEach(RefusalLog::ended);
    }

    private String describe(Refusal refusal) {
        return switch (refusal) {
            case CONNECTION_LIMIT -> limits.maxConnections() + " connections open";
            case UNAUTHENTICATED_LIMIT -> limits.unauthenticatedSlots() + " connections waiting for their handshake";
            case ADDRESS_LIMIT -> limits.maxUnauthenticatedPerAddress() + " connections from this address waiting for their handshake";
            case HANDSHAKE_TIMEOUT, REQUEST_TIMEOUT, TLS_REFUSED, IDENTITY_REFUSED -> refusal.label();
        };
    }

    private void publish() {
        metrics.held(listener, unauthenticated, authenticated);
    }

    /** One connection's hold on the listener; closing it frees the slot. */
    final class Slot implements AutoCloseable {
        private final InetAddress address;
        private boolean authenticated;
        private boolean closed;

        private Slot(InetAddress address) {
            this.address = address;
        }

        /** Moves the connection to the authenticated pool (its slot was already counted, so this never fails). */
        void authenticated() {
            synchronized (Admission.this) {
                if (closed || authenticated) {
                    return;
                }
                authenticated = true;
                leaveUnauthenticated();
                Admission.this.authenticated++;
                publish();
            }
        }

        @Override
        public void close() {
            synchronized (Admission.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (authenticated) {
                    Admission.this.authenticated--;
                } else {
                    leaveUnauthenticated();
                }
                publish();
            }
        }

        private void leaveUnauthenticated() {
            unauthenticated--;
            byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }
}
