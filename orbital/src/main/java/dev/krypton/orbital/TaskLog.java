package dev.krypton.orbital;

import java.util.Optional;

/**
 * The processed-task log (DESIGN.md section 5): (taskId, etag) to the recorded response bytes, so
 * a redelivered or duplicate task gets the same answer and no second effect, across restarts and
 * nodes. A task with a new etag is a new version of the task and is processed again.
 */
public interface TaskLog {

    /** The response recorded for this task version, if any. */
    Optional<byte[]> find(String taskId, String etag);

    /**
     * Records {@code response} unless a response is already recorded for this task version, and
     * returns the response that is recorded afterwards (the earlier one wins).
     */
    byte[] recordIfAbsent(String taskId, String etag, byte[] response);
}
