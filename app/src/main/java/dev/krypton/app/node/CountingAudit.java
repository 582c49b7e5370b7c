package dev.krypton.app.node;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Passes every audit event on and counts it by kind, action and result, for the metrics: KMIP-level
 * operations, root-key calls, Orbital commands, denials and zeroizations (docs/design.md section 9).
 * At most {@link #MAX_SERIES} label sets are kept; later new ones count under action {@code other}.
 */
final class CountingAudit implements AuditSink {

    static final int MAX_SERIES = 512;

    /** One series' labels. */
    record Series(String kind, String action, String result) {
    }

    private final AuditSink next;
    private final ConcurrentHashMap<Series, LongAdder> counts = new ConcurrentHashMap<>();

    CountingAudit(AuditSink next) {
        this.next = next;
    }

    @Override
    public void record(AuditEvent event) {
        next.record(event);
        count(event);
    }

    @Override
    public void recordDurably(AuditEvent event) {
        next.recordDurably(event);
        count(event);
    }

    private void count(AuditEvent e) {
        Series s = new Series(e.kind().name(), e.action(), e.result());
        if (!counts.containsKey(s) && counts.size() >= MAX_SERIES) {
            s = new Series(e.kind().name(), "other", "other");
        }
        counts.computeIfAbsent(s, k -> new LongAdder()).increment();
    }

    /** A snapshot, in label order. */
    Map<Series, Long> snapshot() {
        Map<Series, Long> out = new TreeMap<>((a, b) -> (a.kind() + '\0' + a.action() + '\0' + a.result())
                .compareTo(b.kind() + '\0' + b.action() + '\0' + b.result()));
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
