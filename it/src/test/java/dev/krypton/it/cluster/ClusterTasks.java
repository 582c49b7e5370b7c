package dev.krypton.it.cluster;

import dev.krypton.orbital.client.TaskRequests;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;

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
        return TaskRequests.system(type, SystemAction.newBuilder().setTenantId(tenant).setKeyProvider("local")
                .setKeyIdTo(keyId).setSystemId("sys-" + tenant).setCmkRegion("it").build())
                .setExternalId("ext-" + tenant).build();
    }
}
