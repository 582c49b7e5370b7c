package dev.krypton.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One line of results: throughput in messages and items, latency percentiles in milliseconds. */
final class Report {
    private Report() {
    }

    static String format(BenchOptions o, LoadRunner.Result r) {
        Histogram h = r.latencyNanos();
        String mode = o.rate() > 0 ? "fixed-rate " + o.rate() + "/s" : "closed-loop";
        return String.format(Locale.ROOT,
                "workload=%s kmip=%s connections=%d batch=%d mode=%s duration=%ds%n"
                        + "  messages/s=%.0f items/s=%.0f ok=%d errors=%d%n"
                        + "  latency ms: p50=%.3f p99=%.3f p99.9=%.3f max=%.3f%s",
                o.workload(), o.kmipVersion(), o.connections(), o.batch(), mode, o.duration().toSeconds(),
                r.perSecond(), r.perSecond() * (o.workload().equals("handshake") ? 1 : o.batch()), r.operations(), r.errors(),
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()), r.firstError().isEmpty() ? "" : "\n  first error: " + r.firstError());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
