package dev.krypton.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.server.RequestMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KMIP request metrics in Prometheus text format 0.0.4. */
class MetricsTest {

    @Test
    void requestHistogramHasHelpTypeCumulativeBucketsSumAndCount() {
        var metrics = new RequestMetrics();
        int decrypt = RequestMetrics.slot(Operation.DECRYPT.value());
        metrics.message(decrypt, 80_000);
        metrics.message(decrypt, 700_000);
        metrics.message(decrypt, 20_000_000);
        metrics.item(decrypt, null);
        metrics.item(decrypt, null);
        metrics.item(decrypt, ResultReason.PERMISSION_DENIED);
        StringBuilder out = new StringBuilder();
        Metrics.requests(out, metrics);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).containsSubsequence(
                "# TYPE krypton_kmip_request_duration_seconds histogram",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.0001\"} 1",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.00025\"} 1",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.0005\"} 1",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.001\"} 2",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.0025\"} 2",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.005\"} 2",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"0.01\"} 2",
                "krypton_kmip_request_duration_seconds_bucket{operation=\"Decrypt\",le=\"+Inf\"} 3",
                "krypton_kmip_request_duration_seconds_sum{operation=\"Decrypt\"} 0.02078",
                "krypton_kmip_request_duration_seconds_count{operation=\"Decrypt\"} 3",
                "# TYPE krypton_kmip_operations_total counter",
                "krypton_kmip_operations_total{operation=\"Decrypt\",result=\"Success\"} 2",
                "krypton_kmip_operations_total{operation=\"Decrypt\",result=\"PermissionDenied\"} 1");
        assertThat(lines.stream().filter(l -> l.startsWith("# HELP ")).count()).isEqualTo(2);
    }

    @Test
    void noRequestsYetStillDeclaresBothMetrics() {
        StringBuilder out = new StringBuilder();
        Metrics.requests(out, new RequestMetrics());
        assertThat(out.toString()).contains("# TYPE krypton_kmip_request_duration_seconds histogram\n",
                "# TYPE krypton_kmip_operations_total counter\n").doesNotContain("_bucket");
    }

    @Test
    void connectionsAreRenderedByListenerAndStateAndRefusalsByReason() {
        StringBuilder out = new StringBuilder();
        Metrics.connections(out, new RequestMetrics().connections());
        assertThat(out.toString().lines().toList()).contains(
                "# TYPE krypton_kmip_connections gauge",
                "krypton_kmip_connections{listener=\"kmip\",state=\"unauthenticated\"} 0",
                "krypton_kmip_connections{listener=\"kmip-https\",state=\"authenticated\"} 0",
                "# TYPE krypton_kmip_connections_refused_total counter",
                "krypton_kmip_connections_refused_total{listener=\"kmip\",reason=\"handshake-timeout\"} 0",
                "krypton_kmip_connections_refused_total{listener=\"kmip\",reason=\"address-limit\"} 0");
    }

    @Test
    void secondsAreExactDecimals() {
        assertThat(Metrics.seconds(0)).isEqualTo("0");
        assertThat(Metrics.seconds(250_000)).isEqualTo("0.00025");
        assertThat(Metrics.seconds(1_500_000_000L)).isEqualTo("1.5");
    }
}
