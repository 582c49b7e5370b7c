package dev.krypton.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A processed Orbital task: the response that was sent for ({@code taskId}, {@code etag}), kept so
 * that a task delivered twice, to any node, gets the same answer (docs/design.md section 5).
 *
 * @param taskId      task id
 * @param etag        version tag of the task, part of the key
 * @param response    the serialised response, opaque
 * @param processedAt when the first node processed it
 */
public record ProcessedTask(String taskId, String etag, byte[] response, Instant processedAt) {

    public ProcessedTask {
        Ids.require(taskId, "Task id");
        Objects.requireNonNull(etag, "etag");
        response = Bytes.copy(response, "response");
        Objects.requireNonNull(processedAt, "processedAt");
    }

    /** A copy of the response. */
    @Override
    public byte[] response() {
        return response.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessedTask p && taskId.equals(p.taskId) && etag.equals(p.etag)
                && Bytes.equal(response, p.response) && processedAt.equals(p.processedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, etag, Bytes.hash(response), processedAt);
    }

    @Override
    public String toString() {
        return "ProcessedTask[taskId=" + taskId + ", etag=" + etag + ", response=" + Bytes.redacted(response)
                + ", processedAt=" + processedAt + "]";
    }
}
