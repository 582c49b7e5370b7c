package dev.krypton.engine.audit;

/** What an audit event records (docs/design.md section 9). */
public enum AuditKind {
    /** A tenant lifecycle command (link, unlink, ...), with its result. */
    COMMAND,
    /** A call to a root-key provider (wrap, unwrap, probe), with its result. */
    ROOT_KEY,
    /** A KMIP-level operation: principal, tenant, object, result. */
    OPERATION,
    /** A request refused by policy or tenant state. */
    DENIAL,
    /** Keys of a tenant wiped without a command (root key denied, autonomy expired, shutdown). */
    ZEROIZE,
    /** A policy reload, accepted or rejected. */
    POLICY
}
