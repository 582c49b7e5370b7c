package dev.krypton.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives an operation from {@code workers} threads, closed-loop (each worker sends its next request
 * when the last one is answered) or at a fixed rate. In fixed-rate mode every operation has an
 * intended start time on a global schedule and its latency is measured from that time, so a stalled
 * server is charged for the requests it delayed (no coordinated omission).
 */
public final class LoadRunner {
    /** One unit of work (one request message); throws when the server answers wrongly. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    /** Measured-phase outcome. */
    public record Result(long operations, long errors, Duration elapsed, Histogram latencyNanos, String firstError) {
        public double perSecond() {
            return operations * 1e9 / elapsed.toNanos();
        }
    }

    private LoadRunner() {
    }

    /** Runs warm-up then the measured phase; {@code rate} = 0 for closed-loop. */
    public static Result run(int workers, int rate, Duration warmup, Duration duration, Operation operation) {
        var recorder = new Recorder(3);
        var operations = new AtomicLong();
        var errors = new AtomicLong();
        var firstError = new AtomicReference<String>();
        var slots = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        long period = rate > 0 ? 1_000_000_000L / rate : 0;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("bench-" + w).start(() -> {
                while (true) {
                    long intended = rate > 0 ? start + slots.getAndIncrement() * period : System.nanoTime();
                    if (intended >= end) {
                        return;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok = true;
                    try {
                        operation.run();
                    } catch (Exception e) {
                        ok = false;
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long done = System.nanoTime();
                    if (intended >= measureFrom && done <= end) {
                        recorder.recordValue(Math.max(0, done - intended));
                        (ok ? operations : errors).incrementAndGet();
                    }
                    if (rate == 0 && done >= end) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted", e);
            }
        }
        return new Result(operations.get(), errors.get(), duration, recorder.getIntervalHistogram(),
                firstError.get() == null ? "" : firstError.get());
    }
}
