package dev.krypton.orbital;

import java.util.Objects;

/** What the engine did with a {@link TenantCommand}; every outcome carries the actual state. */
public sealed interface CommandOutcome {

    /** The tenant's actual state after the command. */
    ActualState actual();

    /** The command took effect (or had already): the task is DONE. */
    record Applied(ActualState actual) implements CommandOutcome {
        /** Validates. */
        public Applied {
            Objects.requireNonNull(actual, "actual");
        }
    }

    /**
     * The command was refused for good (root key DENIED, tenant disabled or destroyed, ...): the
     * task is FAILED with {@code message}, which helps an operator and holds no secret.
     */
    record Refused(String message, ActualState actual) implements CommandOutcome {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(actual, "actual");
        }
    }

    /**
     * The command waits on something transient outside Krypton (root key UNAVAILABLE): the task is
     * PROCESSING and Orbital should reconcile after {@code reconcileAfterSec}.
     */
    record Waiting(long reconcileAfterSec, String reason, ActualState actual)
            implements CommandOutcome {
        /** Validates. */
        public Waiting {
            if (reconcileAfterSec < 1) {
                throw new IllegalArgumentException("reconcileAfterSec must be positive");
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actual, "actual");
        }
    }
}
