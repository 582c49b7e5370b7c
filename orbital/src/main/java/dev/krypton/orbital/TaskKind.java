package dev.krypton.orbital;

import java.util.Optional;

/**
 * The task types Krypton serves (docs/design.md section 7) and their priority lane. Unlink-class tasks
 * are {@link Lane#CRITICAL}: they have their own AMQP address and worker and overtake everything
 * else. KEY_DETACH removes Krypton's use of the key, so it zeroizes like an unlink.
 */
public enum TaskKind {
    LINK_KEY(Lane.ROUTINE),
    SYSTEM_LINK(Lane.ROUTINE),
    UNLINK_KEY(Lane.CRITICAL),
    SYSTEM_UNLINK(Lane.CRITICAL),
    KEY_DISABLE(Lane.CRITICAL),
    KEY_DELETE(Lane.CRITICAL),
    KEY_DETACH(Lane.CRITICAL),
    KEY_ENABLE(Lane.ROUTINE),
    KEY_ROTATE(Lane.ROUTINE),
    SYSTEM_SWITCH(Lane.ROUTINE),
    TENANT_CONFIG(Lane.ROUTINE);

    /** Which worker lane a task runs in. */
    public enum Lane {
        /** Kill-switch work: never waits behind anything else. */
        CRITICAL,
        /** Everything else, including link tasks that wait on slow root keys. */
        ROUTINE
    }

    private final Lane lane;

    TaskKind(Lane lane) {
        this.lane = lane;
    }

    /** The lane this kind of task runs in. */
    public Lane lane() {
        return lane;
    }

    /** The kind named by a TaskRequest {@code type}, empty for types Krypton does not serve. */
    public static Optional<TaskKind> of(String type) {
        for (TaskKind k : values()) {
            if (k.name().equals(type)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The lane for a raw type string: unknown types are cheap to refuse and run as routine. */
    public static Lane laneOf(String type) {
        return of(type).map(TaskKind::lane).orElse(Lane.ROUTINE);
    }
}
