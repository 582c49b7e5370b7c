package dev.krypton.orbital.client;

import com.google.protobuf.ByteString;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import java.util.UUID;

/** Task requests as Orbital sends them (docs/design.md section 7): a CMK task over a SystemAction. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * A request of wire type {@code type} carrying {@code cmkType} over {@code action}, with a new
     * task id, etag {@code 1}, the tenant as external id, an empty JSON working state and the
     * current time; callers change what they need on the returned builder.
     */
    public static TaskRequest.Builder system(String type, TaskType cmkType, SystemAction action) {
        Data data = Data.newBuilder().setTaskType(cmkType).setSystemAction(action).build();
        return TaskRequest.newBuilder()
                .setTaskId(UUID.randomUUID().toString())
                .setType(type)
                .setExternalId(action.getTenantId())
                .setData(data.toByteString())
                .setWorkingState(ByteString.copyFromUtf8("{}"))
                .setEtag("1")
                .setTaskCreatedAt(System.currentTimeMillis() * 1_000_000L);
    }

    /** A task whose wire type is the CMK type's name. */
    public static TaskRequest.Builder system(TaskType cmkType, SystemAction action) {
        return system(cmkType.name(), cmkType, action);
    }
}
