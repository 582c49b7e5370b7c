package dev.krypton.orbital;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.orbital.TaskRequest;

/**
 * Turns the CMK payload of a TaskRequest ({@code kms.api.cmk.eventprocessor.task.v1.Data}) into a
 * {@link TenantCommand}. Every problem becomes one {@link MalformedTaskException} with a message
 * fit for the FAILED response.
 */
final class TaskDecoder {

    static final int MAX_ID_LENGTH = 256;

    private TaskDecoder() {}

    static TenantCommand decode(TaskKind kind, TaskRequest request) {
        if (!request.hasData()) {
            throw new MalformedTaskException("task " + kind + " carries no data");
        }
        Data data;
        try {
            data = Data.parseFrom(request.getData());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedTaskException("task data is not a valid CMK Data message");
        }
        String tenant = tenantOf(data);
        return switch (kind) {
            case LINK_KEY, SYSTEM_LINK -> new TenantCommand.Link(tenant, rootKeyTo(data));
            case UNLINK_KEY, SYSTEM_UNLINK, KEY_DETACH -> new TenantCommand.Unlink(tenant);
            case KEY_DISABLE -> new TenantCommand.Disable(tenant);
            case KEY_ENABLE -> new TenantCommand.Enable(tenant);
            case KEY_ROTATE -> new TenantCommand.Rotate(tenant);
            case KEY_DELETE -> new TenantCommand.Destroy(tenant);
            case SYSTEM_SWITCH -> new TenantCommand.Switch(tenant, rootKeyTo(data));
            case TENANT_CONFIG -> new TenantCommand.Describe(tenant);
        };
    }

    private static String tenantOf(Data data) {
        String tenant = switch (data.getDataCase()) {
            case KEY_ACTION -> data.getKeyAction().getTenantId();
            case SYSTEM_ACTION -> data.getSystemAction().getTenantId();
            case TENANT_CONFIG_ACTION -> data.getTenantConfigAction().getTenantId();
            case DATA_NOT_SET -> throw new MalformedTaskException("task data names no action");
        };
        return checkedId("tenant_id", tenant);
    }

    private static RootKeyRef rootKeyTo(Data data) {
        return switch (data.getDataCase()) {
            case SYSTEM_ACTION -> {
                var action = data.getSystemAction();
                yield new RootKeyRef(action.getKeyProvider(), checkedId("key_id_to", action.getKeyIdTo()),
                        action.getKeyAccessMetaData().toByteArray());
            }
            case KEY_ACTION -> new RootKeyRef("", checkedId("key_id", data.getKeyAction().getKeyId()),
                    new byte[0]);
            case TENANT_CONFIG_ACTION, DATA_NOT_SET ->
                    throw new MalformedTaskException("task data names no root key");
        };
    }

    static String checkedId(String field, String value) {
        if (value.isBlank()) {
            throw new MalformedTaskException(field + " is empty");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new MalformedTaskException(field + " is longer than " + MAX_ID_LENGTH);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedTaskException(field + " contains control characters");
        }
        return value;
    }
}
