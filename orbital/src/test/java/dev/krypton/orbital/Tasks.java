package dev.krypton.orbital;

import dev.krypton.orbital.client.TaskRequests;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;

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
        return TaskRequests.system(type, SystemAction.newBuilder().setTenantId(tenant).setKeyProvider(RealEngine.PROVIDER)
                .setKeyIdTo(keyId).setSystemId("sys-" + tenant).setCmkRegion("eu-test-1").build())
                .setExternalId("ext-" + tenant).build();
    }
}
