package dev.krypton.it.cluster;

import com.google.protobuf.ByteString;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import java.util.UUID;

/** Orbital tasks as Orbital sends them, for tenants whose root key is a file of the {@code local} provider. */
public final class ClusterTasks {

    private ClusterTasks() {
    }

    /** SYSTEM_LINK of {@code tenant} to the local root key {@code keyId}. */
    public static TaskRequest link(String tenant, String keyId) {
        return system(TaskType.SYSTEM_LINK, tenant, keyId);
    }

    /** SYSTEM_UNLINK of {@code tenant}: the kill switch. */
    public static TaskRequest unlink(String tenant) {
        return system(TaskType.SYSTEM_UNLINK, tenant, "");
    }

    private static TaskRequest system(TaskType type, String tenant, String keyId) {
        Data data = Data.newBuilder().setTaskType(type).setSystemAction(SystemAction.newBuilder()
                .setTenantId(tenant).setKeyProvider("local").setKeyIdTo(keyId).setSystemId("sys-" + tenant)
                .setCmkRegion("it")).build();
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
