package dev.krypton.engine.audit;

/** Where the engine sends audit events. Implementations are thread-safe. */
public interface AuditSink {

    /** Queues the event; returns at once. It is durable within one writer batch. */
    void record(AuditEvent event);

    /** Records the event and returns only once it is durable on disk (used for lifecycle commands). */
    void recordDurably(AuditEvent event);
}
