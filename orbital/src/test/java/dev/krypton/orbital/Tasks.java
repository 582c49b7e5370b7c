package dev.krypton.orbital;

import com.google.protobuf.ByteString;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.util.UUID;

/** Builds TaskRequests as Orbital sends them, for tests. */
public final class Tasks {

    private Tasks() {}

    /** A SYSTEM_LINK of {@code tenant} to root key {@code keyId} of the fake KMS provider. */
    public static TaskRequest link(String tenant, String keyId) {
        return system(TaskType.SYSTEM_LINK, tenant, keyId);
    }

    /** A SYSTEM_UNLINK of {@code tenant}. */
    public static TaskRequest unlink(String tenant) {
        return system(TaskType.SYSTEM_UNLINK, tenant, "");
    }

    /** The answer without its actual-state metaData: what must repeat exactly for a duplicate. */
    public static TaskResponse outcome(TaskResponse response) {
        return response.toBuilder().clearMetaData().build();
    }

    /** A task of any CMK type over a SystemAction. */
    public static TaskRequest system(TaskType type, String tenant, String keyId) {
        Data data = Data.newBuilder().setTaskType(type).setSystemAction(SystemAction.newBuilder()
                .setTenantId(tenant).setKeyProvider(RealEngine.PROVIDER).setKeyIdTo(keyId).setSystemId("sys-" + tenant)
                .setCmkRegion("eu-test-1")).build();
        return TaskRequest.newBuilder()
                .setTaskId(UUID.randomUUID().toString())
                .setType(type.name())
                .setExternalId("ext-" + tenant)
                .setData(data.toByteString())
                .setWorkingState(ByteString.copyFromUtf8("{}"))
                .setEtag("1")
                .setTaskCreatedAt(System.currentTimeMillis() * 1_000_000)
                .build();
    }
}
