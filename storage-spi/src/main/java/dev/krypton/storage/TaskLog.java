package dev.krypton.storage;

import java.util.Optional;

/** The processed-task log: idempotency of Orbital tasks across nodes and restarts. */
public interface TaskLog {

    /**
     * Records a processed task unless one with the same task id and etag is already recorded.
     *
     * @return the task that is recorded now: {@code task} if it was absent, else the earlier one
     */
    ProcessedTask putIfAbsent(ProcessedTask task);

    /** The recorded response for a task id and etag, if any. */
    Optional<ProcessedTask> get(String taskId, String etag);
}
