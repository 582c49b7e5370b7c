package dev.krypton.app.node;

import dev.krypton.crypto.SecureMemory;
import dev.krypton.kmip.server.ConnectionMetrics;
import dev.krypton.kmip.server.RequestMetrics;
import dev.krypton.engine.StartupProgress;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The node's metrics in Prometheus text exposition format 0.0.4: start-up re-unseal progress,
 * tenants by state, secure memory
 * in use and whether it is locked, security events by kind/action/result (from the audit stream),
 * KMIP request latency and outcomes, KMIP connections held and refused, TLS handshake refusals of the
 * Orbital gRPC listener, storage reachability and listener ports.
 */
final class Metrics {

    private Metrics() {
    }

    static String render(NodeStatus status) {
        StringBuilder out = new StringBuilder();
        boolean up = status.storageReachable();
        gauge(out, "krypton_storage_up", "1 when the node's cluster poll read storage recently", up ? 1 : 0);
        gauge(out, "krypton_cluster_serving", "1 while revocations are confirmed within cluster.revocation-staleness",
                status.serving() ? 1 : 0);
        status.tenantsByState().ifPresent(byState -> {
            out.append("# HELP krypton_tenants Known tenants by state\n# TYPE krypton_tenants gauge\n");
            byState.forEach((state, n) ->
                    out.append("krypton_tenants{state=\"").append(state.name()).append("\"} ").append(n).append('\n'));
        });
        StartupProgress p = status.startup();
        out.append("# HELP krypton_startup_unseal_tenants Tenants of the start-up re-unseal by outcome\n"
                + "# TYPE krypton_startup_unseal_tenants gauge\n");
        for (Map.Entry<String, Integer> e : Map.of("total", p.total(), "unsealed", p.unsealed(), "pending", p.pending(),
                "failed", p.failed(), "retrying", p.retrying(), "skipped", p.skipped()).entrySet()) {
            out.append("krypton_startup_unseal_tenants{outcome=\"").append(e.getKey()).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        SecureMemory.Status m = status.memory();
        gauge(out, "krypton_secure_memory_locked", "1 when key memory is locked (mlock)", m.locked() ? 1 : 0);
        gauge(out, "krypton_secure_memory_bytes_in_use", "Bytes of secure memory holding keys", m.bytesInUse());
        gauge(out, "krypton_secure_memory_capacity_bytes", "Bytes of secure memory reserved", m.capacity());
        gauge(out, "krypton_secure_memory_live_keys", "Key handles alive in secure memory", m.liveKeys());
        out.append("# HELP krypton_audit_events_total Security events by kind (OPERATION, ROOT_KEY, COMMAND, DENIAL,"
                + " ZEROIZE), action and result\n# TYPE krypton_audit_events_total counter\n");
        status.events().forEach((s, n) -> out.append("krypton_audit_events_total{kind=\"").append(label(s.kind()))
                .append("\",action=\"").append(label(s.action())).append("\",result=\"").append(label(s.result()))
                .append("\"} ").append(n).append('\n'));
        requests(out, status.requests());
        out.append("# HELP krypton_tls_refusals_total Connections a listener refused or lost during the TLS handshake\n"
                + "# TYPE krypton_tls_refusals_total counter\n");
        status.tlsRefusals().forEach((listener, n) -> out.append("krypton_tls_refusals_total{listener=\"")
                .append(label(listener)).append("\"} ").append(n).append('\n'));
        connections(out, status.requests().connections());
        out.append("# HELP krypton_listener_port Port of each listener\n# TYPE krypton_listener_port gauge\n");
        for (Map.Entry<String, Integer> e : status.listeners().entrySet()) {
            out.append("krypton_listener_port{listener=\"").append(e.getKey()).append("\"} ").append(e.getValue())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The KMIP listener's request metrics: {@code krypton_kmip_request_duration_seconds} (histogram of
     * request messages by operation, buckets 0.1 to 10 ms) and {@code krypton_kmip_operations_total}
     * (batch items by operation and result).
     */
    static void requests(StringBuilder out, RequestMetrics metrics) {
        out.append("# HELP krypton_kmip_request_duration_seconds KMIP request messages from read to response flushed,"
                + " by operation (Mixed: items of several operations)\n")
                .append("# TYPE krypton_kmip_request_duration_seconds histogram\n");
        for (RequestMetrics.Latency l : metrics.latencies()) {
            String op = label(l.operation());
            long[] c = l.cumulative();
            for (int b = 0; b < c.length; b++) {
                String le = b < RequestMetrics.BUCKET_BOUNDS_NANOS.length
                        ? seconds(RequestMetrics.BUCKET_BOUNDS_NANOS[b]) : "+Inf";
                out.append("krypton_kmip_request_duration_seconds_bucket{operation=\"").append(op).append("\",le=\"")
                        .append(le).append("\"} ").append(c[b]).append('\n');
            }
            out.append("krypton_kmip_request_duration_seconds_sum{operation=\"").append(op).append("\"} ")
                    .append(seconds(l.sumNanos())).append('\n');
            out.append("krypton_kmip_request_duration_seconds_count{operation=\"").append(op).append("\"} ")
                    .append(l.count()).append('\n');
        }
        out.append("# HELP krypton_kmip_operations_total KMIP batch items by operation and result (Success or the"
                + " Result Reason)\n# TYPE krypton_kmip_operations_total counter\n");
        for (RequestMetrics.Outcome o : metrics.outcomes()) {
            out.append("krypton_kmip_operations_total{operation=\"").append(label(o.operation())).append("\",result=\"")
                    .append(label(o.result())).append("\"} ").append(o.count()).append('\n');
        }
    }

    /**
     * {@code krypton_kmip_connections} (held now, by listener and state: unauthenticated until the TLS
     * handshake ends with a certificate naming a principal) and {@code krypton_kmip_connections_refused_total}
     * (refused or closed by a bound, by listener and reason).
     */
    static void connections(StringBuilder out, ConnectionMetrics c) {
        out.append("# HELP krypton_kmip_connections KMIP connections held now, by listener and state (HTTPS authenticated:"
                + " requests being handled)\n# TYPE krypton_kmip_connections gauge\n");
        for (ConnectionMetrics.Listener l : ConnectionMetrics.Listener.values()) {
            out.append("krypton_kmip_connections{listener=\"").append(l.label()).append("\",state=\"unauthenticated\"} ")
                    .append(c.unauthenticated(l)).append('\n');
            out.append("krypton_kmip_connections{listener=\"").append(l.label()).append("\",state=\"authenticated\"} ")
                    .append(c.authenticated(l)).append('\n');
        }
        out.append("# HELP krypton_kmip_connections_refused_total KMIP connections refused or closed by a bound, by listener"
                + " and reason\n# TYPE krypton_kmip_connections_refused_total counter\n");
        for (ConnectionMetrics.Listener l : ConnectionMetrics.Listener.values()) {
            for (ConnectionMetrics.Refusal r : ConnectionMetrics.Refusal.values()) {
                out.append("krypton_kmip_connections_refused_total{listener=\"").append(l.label()).append("\",reason=\"")
                        .append(r.label()).append("\"} ").append(c.refused(l, r)).append('\n');
            }
        }
    }

    /** Nanoseconds as a decimal number of seconds, exact (no floating-point rounding). */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }

    /** Escapes a label value as the text format requires (backslash, quote, line feed). */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
