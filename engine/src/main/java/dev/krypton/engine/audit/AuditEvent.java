package dev.krypton.engine.audit;

import java.util.Objects;

/**
 * One security event. Every field is an identifier or a short outcome, never key material,
 * plaintext, AAD contents or secrets; empty string where a field does not apply.
 *
 * @param kind   what happened
 * @param actor  the principal, "orbital" for commands, "system" for automatic actions
 * @param tenant the tenant id
 * @param object the object uid or root-key id
 * @param action the command or operation name (link, encrypt, unwrap, ...)
 * @param result "ok" or an error code (PERMISSION_DENIED, ROOT_KEY_DENIED, ...)
 * @param detail a short non-secret explanation
 */
public record AuditEvent(AuditKind kind, String actor, String tenant, String object, String action,
                         String result, String detail) {

    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }
}
