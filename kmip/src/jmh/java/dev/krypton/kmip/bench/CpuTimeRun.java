package dev.krypton.kmip.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Operations per second of thread CPU time for the {@link DecryptCodecBenchmark} cases: a
 * per-core figure that other processes on a busy machine cannot skew the way they skew JMH's
 * wall-clock scores (JMH remains the tool for allocation and steady-state numbers).
 *
 * <p>Run: {@code java -cp kmip/target/benchmarks.jar dev.krypton.kmip.bench.CpuTimeRun}
 */
public final class CpuTimeRun {
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 5;
    private static final int OPS_PER_ROUND = 2_000_000;
    private static volatile Object sink;

    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        var b = new DecryptCodecBenchmark();
        b.setUp();
        var gcm = new DecryptCodecBenchmark.GcmState();
        gcm.setUp();
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("decodeRequestTree", b::decodeRequestTree);
        cases.put("decodeRequestTyped", b::decodeRequestTyped);
        cases.put("decodeGcmRequestTyped", () -> b.decodeGcmRequestTyped(gcm));
        cases.put("encodeRequestTyped", b::encodeRequestTyped);
        cases.put("decodeResponseTyped", b::decodeResponseTyped);
        cases.put("encodeResponseTyped", b::encodeResponseTyped);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (var e : cases.entrySet()) {
            double best = 0;
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS_PER_ROUND; i++) {
                    sink = e.getValue().get();
                }
                double opsPerCpuSecond = OPS_PER_ROUND / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
                if (round >= WARMUP_ROUNDS) {
                    best = Math.max(best, opsPerCpuSecond);
                }
            }
            System.out.printf("%-24s %,12.0f ops per CPU-second (best of %d rounds of %,d)%n",
                    e.getKey(), best, ROUNDS, OPS_PER_ROUND);
        }
    }
}
