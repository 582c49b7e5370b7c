package dev.krypton.engine;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Logs retryable refusals of one kind without flooding the log: the first refusal of an episode
 * is logged with its reason, later ones are counted and summed up in at most one line per
 * {@code interval}, and {@link #ended()} writes what is left when the cause is gone. A gateway
 * that sends 10,000 requests a second to a refusing node thus adds one line every interval
 * instead of 10,000, and the operator still sees how many requests were turned away.
 *
 * <p>Only refusals take the lock (a refusing node does no other work for the request), so the
 * serving path never touches it.
 */
public final class RefusalLog {

    /** The interval between summary lines unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final System.Logger log;
    private final String subject;
    private final String refusing;
    private final long interval;
    private final LongSupplier nanos;
    private boolean episode;
    private long pending;
    private long nextLine;

    /**
     * @param subject what is refused and why, e.g. "storage not confirmed"; begins every line
     * @param nanos   a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public RefusalLog(System.Logger log, String subject, Duration interval, LongSupplier nanos) {
        this(log, subject, "refusing as retryable", interval, nanos);
    }

    /**
     * @param subject  what is refused, e.g. "gRPC TLS"; begins every line
     * @param refusing what happens to a refused caller, e.g. "refusing connections"; the first line
     *                 of an episode says it with the reason
     * @param nanos    a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public RefusalLog(System.Logger log, String subject, String refusing, Duration interval, LongSupplier nanos) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refusal log interval must be positive: " + interval);
        }
        this.log = log;
        this.subject = subject;
        this.refusing = refusing;
        this.interval = interval.toNanos();
        this.nanos = nanos;
    }

    /** Counts one refusal; logs it when it is the first of an episode, or a summary when the interval is up. */
    public synchronized void refused(String reason) {
        long now = nanos.getAsLong();
        if (!episode) {
            episode = true;
            nextLine = now + interval;
            log.log(Level.WARNING, subject + ": " + refusing + " (" + reason + "); further refusals are counted"
                    + " and logged at most every " + interval / 1_000_000_000L + " s");
            return;
        }
        pending++;
        summarise(now, " (latest: " + reason + ")");
    }

    /**
     * Writes the summary if the interval is up and refusals are pending, for a caller with a timer
     * (so the count of a burst is not held back until the next refusal).
     */
    public synchronized void tick() {
        if (episode) {
            summarise(nanos.getAsLong(), "");
        }
    }

    /** The cause is gone: logs the refusals not yet reported, and the next refusal starts a new episode. */
    public synchronized void ended() {
        if (episode) {
            episode = false;
            log.log(Level.INFO, subject + ": no longer refusing"
                    + (pending > 0 ? "; " + pending + " more refused since the last line" : ""));
            pending = 0;
        }
    }

    private void summarise(long now, String latest) {
        if (pending > 0 && now - nextLine >= 0) {
            log.log(Level.WARNING, subject + ": " + pending + " more refused since the last line" + latest);
            pending = 0;
            nextLine = now + interval;
        }
    }
}
