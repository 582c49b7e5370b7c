package dev.krypton.engine.bench;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained audit throughput with fsync per batch: callers record operation events as fast as
 * the writer accepts them (a full queue blocks them), so the figure is what the disk and the
 * hash chain sustain, not the speed of a queue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(4)
public class AuditBenchmark {

    private static final AuditEvent EVENT = new AuditEvent(AuditKind.OPERATION, "gateway-eu-1", "acme",
            "acme:payments:3", "decrypt", "ok", "");

    private Path dir;
    private AuditLog log;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("audit-bench");
        log = AuditLog.open(dir.resolve("audit.jsonl"), AuditKeys.generate(), AuditOptions.defaults(), Clock.systemUTC());
    }

    @TearDown
    public void close() throws IOException {
        log.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public void recordOperationEvent() {
        log.record(EVENT);
    }
}
