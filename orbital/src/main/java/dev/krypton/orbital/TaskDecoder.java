package dev.krypton.orbital;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;
import dev.krypton.orbital.wire.cmk.AWSKeyAccessData;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the CMK payload of a TaskRequest ({@code kms.api.cmk.eventprocessor.task.v1.Data},
 * docs/design.md section 7) into an {@link Action}. Every problem becomes one
 * {@link MalformedTaskException} with a message fit for the FAILED response.
 */
final class TaskDecoder {

    /** Provider name whose access metadata is an {@code AWSKeyAccessData} message. */
    static final String AWS_PROVIDER = "aws-kms";

    private TaskDecoder() {}

    static Action decode(TaskKind kind, TaskRequest request) {
        if (!request.hasData()) {
            throw new MalformedTaskException("task " + kind + " carries no data");
        }
        Data data;
        try {
            data = Data.parseFrom(request.getData());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedTaskException("task data is not a valid CMK Data message");
        }
        TaskLimits.check(data);
        TenantId tenant = tenantOf(data);
        return switch (kind) {
            case SYSTEM_LINK -> new Action.Execute(new TenantCommand.Link(tenant, rootKeyTo(data)));
            case LINK_KEY -> data.hasKeyAction()
                    ? new Action.Relink(tenant, data.getKeyAction().getKeyId())
                    : new Action.Execute(new TenantCommand.Link(tenant, rootKeyTo(data)));
            case UNLINK_KEY, SYSTEM_UNLINK, KEY_DETACH -> new Action.Execute(new TenantCommand.Unlink(tenant));
            case KEY_DISABLE -> new Action.Execute(new TenantCommand.Disable(tenant));
            case KEY_ENABLE -> new Action.Execute(new TenantCommand.Enable(tenant));
            case KEY_ROTATE -> new Action.Execute(new TenantCommand.RotateRootKey(tenant));
            case KEY_DELETE -> new Action.Execute(new TenantCommand.Destroy(tenant));
            case SYSTEM_SWITCH -> new Action.Execute(new TenantCommand.SwitchRootKey(tenant, rootKeyTo(data)));
            case TENANT_CONFIG -> new Action.Describe(tenant);
        };
    }

    /** The tenant a task's data names, if the data decodes and names a valid tenant id. */
    static Optional<TenantId> tenantHint(TaskRequest request) {
        try {
            return Optional.of(tenantOf(Data.parseFrom(request.getData())));
        } catch (InvalidProtocolBufferException | MalformedTaskException e) {
            return Optional.empty();
        }
    }

    private static TenantId tenantOf(Data data) {
        String tenant = switch (data.getDataCase()) {
            case KEY_ACTION -> data.getKeyAction().getTenantId();
            case SYSTEM_ACTION -> data.getSystemAction().getTenantId();
            case TENANT_CONFIG_ACTION -> data.getTenantConfigAction().getTenantId();
            case DATA_NOT_SET -> throw new MalformedTaskException("task data names no action");
        };
        try {
            return TenantId.of(tenant);
        } catch (EngineException e) {
            throw new MalformedTaskException("tenant_id: " + e.getMessage());
        }
    }

    private static RootKeyRef rootKeyTo(Data data) {
        if (!data.hasSystemAction()) {
            throw new MalformedTaskException("task data carries no SystemAction naming the root key");
        }
        SystemAction action = data.getSystemAction();
        try {
            return new RootKeyRef(action.getKeyProvider(), action.getKeyIdTo(),
                    metadata(action.getKeyProvider(), action.getKeyAccessMetaData()));
        } catch (EngineException e) {
            throw new MalformedTaskException("key_provider/key_id_to: " + e.getMessage());
        }
    }

    private static Map<String, String> metadata(String provider, ByteString raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        if (!AWS_PROVIDER.equals(provider)) {
            out.put("key_access_meta_data", Base64.getEncoder().encodeToString(raw.toByteArray()));
            return out;
        }
        try {
            AWSKeyAccessData aws = AWSKeyAccessData.parseFrom(raw);
            TaskLimits.check(aws);
            putIfSet(out, "key_arn", aws.getKeyArn());
            putIfSet(out, "trust_anchor_arn", aws.getTrustAnchorArn());
            putIfSet(out, "profile_arn", aws.getProfileArn());
            putIfSet(out, "role_arn", aws.getRoleArn());
            return out;
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedTaskException("key_access_meta_data is not a valid AWSKeyAccessData message");
        }
    }

    private static void putIfSet(Map<String, String> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
