package dev.krypton.engine.policy;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import java.nio.file.Path;

/** Records every policy reload, accepted or rejected, in the audit log. */
public final class PolicyAudit implements PolicyStore.Listener {

    private final AuditSink audit;

    public PolicyAudit(AuditSink audit) {
        this.audit = audit;
    }

    @Override
    public void reloaded(Path file, Policy policy) {
        audit.recordDurably(new AuditEvent(AuditKind.POLICY, "system", "", file.toString(), "reload", "ok",
                policy.size() + " grants; upstream " + policy.upstream()));
    }

    @Override
    public void rejected(Path file, String message) {
        audit.recordDurably(new AuditEvent(AuditKind.POLICY, "system", "", file.toString(), "reload",
                "INVALID_ARGUMENT", message));
    }
}
