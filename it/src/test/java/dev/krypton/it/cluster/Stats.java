package dev.krypton.it.cluster;

import java.util.Arrays;
import java.util.Locale;

/** Nearest-rank percentiles of a set of millisecond samples. */
public record Stats(double[] sortedMillis) {

    public static Stats of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Stats(sorted);
    }

    public int count() {
        return sortedMillis.length;
    }

    /** The nearest-rank {@code p}-th percentile ({@code 0 < p <= 100}). */
    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length, rank) - 1)];
    }

    public double max() {
        return sortedMillis[sortedMillis.length - 1];
    }

    public double min() {
        return sortedMillis[0];
    }

    /** {@code n=50 min=.. p50=.. p99=.. max=.. ms}. */
    public String summary() {
        return String.format(Locale.ROOT, "n=%d min=%.1f p50=%.1f p99=%.1f max=%.1f ms", count(), min(), percentile(50),
                percentile(99), max());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stats s && Arrays.equals(sortedMillis, s.sortedMillis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedMillis);
    }

    @Override
    public String toString() {
        return summary();
    }
}
