package dev.krypton.orbital;

import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;

/** Builds TaskResponses that echo taskId, type, externalId and etag (DESIGN.md section 7). */
final class Responses {

    private Responses() {}

    static TaskResponse of(TaskRequest request, CommandOutcome outcome) {
        TaskResponse.Builder b = echo(request).putAllMetaData(outcome.actual().asMetaData());
        return switch (outcome) {
            case CommandOutcome.Applied a -> b.setStatus(TaskStatus.DONE).build();
            case CommandOutcome.Refused r -> b.setStatus(TaskStatus.FAILED).setErrorMessage(r.message()).build();
            case CommandOutcome.Waiting w -> b.setStatus(TaskStatus.PROCESSING)
                    .setReconcileAfterSec(w.reconcileAfterSec()).setErrorMessage(w.reason()).build();
        };
    }

    static TaskResponse failed(TaskRequest request, String message) {
        return echo(request).setStatus(TaskStatus.FAILED).setErrorMessage(message).build();
    }

    private static TaskResponse.Builder echo(TaskRequest request) {
        return TaskResponse.newBuilder()
                .setTaskId(request.getTaskId())
                .setType(request.getType())
                .setExternalId(request.getExternalId())
                .setEtag(request.getEtag())
                .setWorkingState(request.getWorkingState());
    }
}
