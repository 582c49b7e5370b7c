package dev.krypton.engine.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the audit writer.
 *
 * @param batchSize          most events written per batch (one write and one fsync per batch)
 * @param queueCapacity      events that may wait; a full queue makes callers wait (back-pressure)
 * @param checkpointEvery    a signed checkpoint after this many events
 * @param checkpointInterval a signed checkpoint after this much time if events were written since
 * @param fsync              force each batch to the device before completing it; with it, a power
 *                           failure loses only events not yet in a completed batch
 * @param commitDelay        how long the writer waits for more events before writing a batch that
 *                           no {@code recordDurably} caller waits for (group commit at low
 *                           concurrency: without it one connection costs one write and one fsync
 *                           per request); zero writes at once
 */
public record AuditOptions(int batchSize, int queueCapacity, int checkpointEvery, Duration checkpointInterval,
                           boolean fsync, Duration commitDelay) {

    public AuditOptions {
        if (batchSize < 1 || queueCapacity < batchSize || checkpointEvery < 1) {
            throw new IllegalArgumentException("batchSize >= 1, queueCapacity >= batchSize, checkpointEvery >= 1");
        }
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (commitDelay.isNegative() || commitDelay.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("commitDelay must be 0 to 1 s");
        }
    }

    /** Options that write each batch at once (no commit delay). */
    public AuditOptions(int batchSize, int queueCapacity, int checkpointEvery, Duration checkpointInterval, boolean fsync) {
        this(batchSize, queueCapacity, checkpointEvery, checkpointInterval, fsync, Duration.ZERO);
    }

    /**
     * 4096 events per batch, 65536 queued, checkpoint every 10000 events or 60 s, fsync on, commit
     * delay 2 ms (at most about 500 fsyncs per second however the requests arrive).
     */
    public static AuditOptions defaults() {
        return new AuditOptions(4096, 65_536, 10_000, Duration.ofSeconds(60), true, Duration.ofMillis(2));
    }
}
