package dev.krypton.orbital;

/**
 * Security events of the intake (DESIGN.md section 9). The engine's hash-chained audit log is the
 * intended sink; {@link #logging()} writes them to the platform logger. Never pass secrets.
 */
public interface IntakeAudit {

    /** A task was refused before reaching the engine (bad signature, malformed, unsupported). */
    void rejected(String taskId, String type, String reason);

    /** A task reached a terminal or waiting state. */
    void processed(String taskId, String type, String tenantId, String status);

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
            public void processed(String taskId, String type, String tenantId, String status) {
                log.log(System.Logger.Level.INFO, "task processed: id={0} type={1} tenant={2} status={3}",
                        taskId, type, tenantId, status);
            }
        };
    }
}
