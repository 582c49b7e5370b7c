package dev.krypton.orbital;

import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;

/**
 * Builds TaskResponses that echo taskId, type, externalId, etag and workingState and carry the
 * tenant's actual state in metaData (docs/design.md section 7).
 */
final class Responses {

    private Responses() {}

    static TaskResponse done(TaskRequest request, ActualState actual) {
        return echo(request).putAllMetaData(actual.asMetaData()).setStatus(TaskStatus.DONE).build();
    }

    static TaskResponse failed(TaskRequest request, ActualState actual, String message) {
        return echo(request).putAllMetaData(actual.asMetaData())
                .setStatus(TaskStatus.FAILED).setErrorMessage(message).build();
    }

    static TaskResponse processing(TaskRequest request, ActualState actual, long reconcileAfterSec, String why) {
        return echo(request).putAllMetaData(actual.asMetaData()).setStatus(TaskStatus.PROCESSING)
                .setReconcileAfterSec(reconcileAfterSec).setErrorMessage(why).build();
    }

    /** A FAILED answer to a task that never reached the engine (no actual state known). */
    static TaskResponse rejected(TaskRequest request, String message) {
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
