package dev.krypton.kmip.server;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request metrics of the KMIP listener (docs/design.md section 9): a latency histogram of request
 * messages by operation, and batch items counted by operation and result. Recording takes no lock
 * and allocates nothing once a series exists: each series is a {@link LongAdder} (or an array of
 * them) in a slot found by array index from the operation's and the result's ordinal.
 *
 * <p>Message latency runs from the moment the whole request frame has been read to the moment its
 * response has been written and flushed. A message's operation is that of its items, {@code Mixed}
 * when they differ, {@code Unknown} when the message could not be read or names an operation
 * without a table entry.
 */
public final class RequestMetrics {

    /** Upper bounds of the latency buckets, in nanoseconds: 0.1, 0.25, 0.5, 1, 2.5, 5, 10 ms. */
    public static final long[] BUCKET_BOUNDS_NANOS = {100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000};

    /** The slot of messages that could not be read and of operations without a table entry. */
    public static final int UNKNOWN = 0;
    /** The slot of messages whose items name several operations. */
    public static final int MIXED = 1;
    private static final Operation[] OPERATIONS = Operation.values();
    private static final ResultReason[] REASONS = ResultReason.values();
    private static final int OPERATION_SLOTS = OPERATIONS.length + 2;
    private static final int RESULT_SLOTS = REASONS.length + 1;
    private static final int[] SLOT_BY_CODE = slots();

    /** One message latency series: bucket counts (not cumulative; the last is above every bound) and the sum. */
    private record Series(LongAdder[] buckets, LongAdder sumNanos) {
        static Series create() {
            LongAdder[] b = new LongAdder[BUCKET_BOUNDS_NANOS.length + 1];
            for (int i = 0; i < b.length; i++) {
                b[i] = new LongAdder();
            }
            return new Series(b, new LongAdder());
        }
    }

    /** A latency histogram at one moment: counts per bucket, cumulative, the last one being {@code +Inf}. */
    public record Latency(String operation, long[] cumulative, long sumNanos) {
        public long count() {
            return cumulative[cumulative.length - 1];
        }
    }

    /** Batch items of one operation that ended with one result ({@code Success} or a Result Reason). */
    public record Outcome(String operation, String result, long count) {
    }

    private final ConnectionMetrics connections = new ConnectionMetrics();
    private final AtomicReferenceArray<Series> latency = new AtomicReferenceArray<>(OPERATION_SLOTS);
    private final AtomicReferenceArray<LongAdder> outcomes = new AtomicReferenceArray<>(OPERATION_SLOTS * RESULT_SLOTS);

    /** Connections held and refused by the listeners that share these metrics. */
    public ConnectionMetrics connections() {
        return connections;
    }

    /** The slot of an operation code: its table entry, else {@link #UNKNOWN}. */
    public static int slot(int operationCode) {
        return operationCode >= 0 && operationCode < SLOT_BY_CODE.length ? SLOT_BY_CODE[operationCode] : UNKNOWN;
    }

    private static int[] slots() {
        int max = 0;
        for (Operation o : OPERATIONS) {
            max = Math.max(max, o.value());
        }
        int[] slots = new int[max + 1];
        for (Operation o : OPERATIONS) {
            slots[o.value()] = o.ordinal() + 2;
        }
        return slots;
    }

    /** Counts one batch item that ended successfully ({@code reason} null) or with {@code reason}. */
    public void item(int operationSlot, ResultReason reason) {
        int result = reason == null ? 0 : reason.ordinal() + 1;
        int i = operationSlot * RESULT_SLOTS + result;
        LongAdder a = outcomes.get(i);
        if (a == null) {
            outcomes.compareAndSet(i, null, new LongAdder());
            a = outcomes.get(i);
        }
        a.increment();
    }

    /** Records one answered message of operation slot {@code operationSlot} that took {@code nanos}. */
    public void message(int operationSlot, long nanos) {
        Series s = latency.get(operationSlot);
        if (s == null) {
            latency.compareAndSet(operationSlot, null, Series.create());
            s = latency.get(operationSlot);
        }
        int b = 0;
        while (b < BUCKET_BOUNDS_NANOS.length && nanos > BUCKET_BOUNDS_NANOS[b]) {
            b++;
        }
        s.buckets()[b].increment();
        s.sumNanos().add(nanos);
    }

    /** The latency histograms of the operations seen so far, in operation order. */
    public List<Latency> latencies() {
        List<Latency> out = new ArrayList<>();
        for (int op = 0; op < OPERATION_SLOTS; op++) {
            Series s = latency.get(op);
            if (s == null) {
                continue;
            }
            long[] cumulative = new long[s.buckets().length];
            long running = 0;
            for (int b = 0; b < cumulative.length; b++) {
                running += s.buckets()[b].sum();
                cumulative[b] = running;
            }
            out.add(new Latency(operationName(op), cumulative, s.sumNanos().sum()));
        }
        return out;
    }

    /** The item counts by operation and result seen so far. */
    public List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            LongAdder a = outcomes.get(i);
            if (a != null) {
                int result = i % RESULT_SLOTS;
                out.add(new Outcome(operationName(i / RESULT_SLOTS), result == 0 ? "Success" : REASONS[result - 1].xmlName(),
                        a.sum()));
            }
        }
        return out;
    }

    private static String operationName(int slot) {
        return switch (slot) {
            case UNKNOWN -> "Unknown";
            case MIXED -> "Mixed";
            default -> OPERATIONS[slot - 2].xmlName();
        };
    }
}
