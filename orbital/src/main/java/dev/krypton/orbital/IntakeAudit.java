package dev.krypton.orbital;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;

/**
 * Security events of the intake (docs/design.md section 9): {@link #to(AuditSink)} writes them into the
 * engine's hash-chained audit log, {@link #logging()} to the platform logger. Never pass secrets.
 */
public interface IntakeAudit {

    /** A task was refused before reaching the engine (bad signature, malformed, unsupported). */
    void rejected(String taskId, String type, String reason);

    /** A task reached a terminal or waiting state; {@code detail} is the operator message, if any. */
    void processed(String taskId, String type, String tenantId, String status, String detail);

    /** This audit and {@code other}: each event goes to both, this one first. */
    default IntakeAudit and(IntakeAudit other) {
        IntakeAudit first = this;
        return new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                first.rejected(taskId, type, reason);
                other.rejected(taskId, type, reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                first.processed(taskId, type, tenantId, status, detail);
                other.processed(taskId, type, tenantId, status, detail);
            }
        };
    }

    /**
     * Records into the engine's audit log: refusals durably as DENIAL events (actor {@code orbital},
     * object the task id, action the task type), processed tasks as COMMAND events.
     */
    static IntakeAudit to(AuditSink sink) {
        return new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                sink.recordDurably(new AuditEvent(AuditKind.DENIAL, "orbital", "", taskId, type, "REJECTED", reason));
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                sink.record(new AuditEvent(AuditKind.COMMAND, "orbital", tenantId, taskId, type, status,
                        detail.isEmpty() ? "orbital task" : detail));
            }
        };
    }

    /** An audit sink that writes to {@link System.Logger}. */
    static IntakeAudit logging() {
        System.Logger log = System.getLogger("dev.krypton.orbital.audit");
        return new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                log.log(System.Logger.Level.WARNING, "task rejected: id={0} type={1} reason={2}",
                        taskId, type, reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                log.log(System.Logger.Level.INFO, "task processed: id={0} type={1} tenant={2} status={3} {4}",
                        taskId, type, tenantId, status, detail);
            }
        };
    }
}
