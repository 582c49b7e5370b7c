package dev.krypton.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Companion to {@link WrapBenchmark} for shared, overloaded machines: counts operations per second
 * of this thread's CPU time (ThreadMXBean), so other processes' load does not dilute the figure.
 * Run: {@code java --enable-native-access=ALL-UNNAMED -cp <test classpath> dev.krypton.crypto.WrapCpuTime [engine...]}
 * (engines {@code native}, {@code jce}; both when none is named).
 */
public final class WrapCpuTime {
    private WrapCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : args.length > 0 ? args : new String[] {"native", "jce"}) {
            WrapBenchmark bench = new WrapBenchmark();
            bench.engineName = name;
            bench.setUp();
            measure(threads, name + " gcmUnwrap", bench::gcmUnwrap);
            measure(threads, name + " gcmWrap", bench::gcmWrap);
            measure(threads, name + " kwpUnwrap", bench::kwpUnwrap);
            measure(threads, name + " kwpWrap", bench::kwpWrap);
            bench.tearDown();
        }
    }

    private static void measure(ThreadMXBean threads, String label, Supplier<byte[]> op) {
        int sink = 0;
        for (int i = 0; i < 300_000; i++) {
            sink += op.get().length;
        }
        int n = 2_000_000;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += op.get().length;
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("%-18s %,12.0f ops/s per CPU-second   %,12.0f ops/s wall   (sink %d)%n",
                label, n / cpuSeconds, n / wallSeconds, sink % 10);
    }
}
