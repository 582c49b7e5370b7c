package dev.krypton.orbital;

import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.util.Objects;

/** What a transport does with a task after processing: answer and settle, or retry later. */
public sealed interface Disposition {

    /** The task was processed (DONE, FAILED by the engine, or PROCESSING): answer, then accept. */
    record Accept(TaskResponse response) implements Disposition {
        /** Validates. */
        public Accept {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The task is malformed, unsupported or badly signed: answer FAILED, then reject. */
    record Reject(TaskResponse response) implements Disposition {
        /** Validates. */
        public Reject {
            Objects.requireNonNull(response, "response");
        }
    }

    /** A transient internal failure: no answer; release the task for redelivery. */
    record Release(String reason) implements Disposition {
        /** Validates. */
        public Release {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
