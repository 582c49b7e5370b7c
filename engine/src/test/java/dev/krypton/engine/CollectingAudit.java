package dev.krypton.engine;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit sink that keeps events in memory so tests can assert on them. */
final class CollectingAudit implements AuditSink {

    final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public void recordDurably(AuditEvent event) {
        events.add(event);
    }
}
