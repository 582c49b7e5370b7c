package dev.krypton.orbital;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.krypton.orbital.wire.cmk.AWSKeyAccessData;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.storage.Ids;
import dev.krypton.storage.StorageException;
import java.util.List;
import java.util.Map;

/**
 * The limit of every string and bytes field of a task (the TaskRequest and the CMK messages in its
 * data), checked before anything reaches storage or the engine, so that a field too long for a
 * storage column is a malformed task (FAILED at once) and never a storage error that the transport
 * would retry forever. Strings are counted in UTF-16 characters (as the storage identifiers are),
 * bytes in bytes. The table is documented in docs/orbital.md; a field missing from it is refused
 * by {@link #check}, so a new field in the .proto files must get a limit here first.
 */
final class TaskLimits {

    /** Most metaData entries of a TaskRequest. */
    static final int MAX_METADATA_ENTRIES = 64;

    /** Limit per field, by full protobuf field name. */
    static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("orbital.v1.TaskRequest.taskId", Ids.MAX_LENGTH),
            Map.entry("orbital.v1.TaskRequest.type", 64),
            Map.entry("orbital.v1.TaskRequest.externalId", Ids.MAX_LENGTH),
            Map.entry("orbital.v1.TaskRequest.data", 64 * 1024),
            Map.entry("orbital.v1.TaskRequest.workingState", 64 * 1024),
            Map.entry("orbital.v1.TaskRequest.etag", Ids.MAX_LENGTH),
            Map.entry("orbital.v1.TaskRequest.MetaDataEntry.key", 256),
            Map.entry("orbital.v1.TaskRequest.MetaDataEntry.value", 16 * 1024),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.KeyAction.key_id", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.KeyAction.tenant_id", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.KeyAction.cmk_region", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.system_id", 512),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.system_region", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.system_type", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.key_id_from", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.key_id_to", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.key_provider", 64),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.key_access_meta_data", 8 * 1024),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.tenant_id", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.tenant_owner_id", 512),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.tenant_owner_type", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.SystemAction.cmk_region", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.TenantConfigAction.tenant_id", 128),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.AWSKeyAccessData.key_arn", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.AWSKeyAccessData.trust_anchor_arn", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.AWSKeyAccessData.profile_arn", 2048),
            Map.entry("kms.api.cmk.eventprocessor.task.v1.AWSKeyAccessData.role_arn", 2048));

    private TaskLimits() {}

    /**
     * Checks the envelope: every field within its limit, at most {@value #MAX_METADATA_ENTRIES}
     * metaData entries, and taskId and etag (the key of the task log) non-empty identifiers
     * without NUL.
     *
     * @throws MalformedTaskException naming the first field out of bounds (never its value)
     */
    static void check(TaskRequest request) {
        if (request.getMetaDataCount() > MAX_METADATA_ENTRIES) {
            throw new MalformedTaskException("metaData has " + request.getMetaDataCount() + " entries; at most "
                    + MAX_METADATA_ENTRIES + " are allowed");
        }
        check((Message) request);
        identifier(request.getTaskId(), "taskId");
        identifier(request.getEtag(), "etag");
    }

    /** Checks the CMK payload and, when it holds one, its AWS access data. */
    static void check(Data data) {
        check((Message) data);
    }

    /** Checks AWS access data. */
    static void check(AWSKeyAccessData aws) {
        check((Message) aws);
    }

    private static void check(Message message) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor d = field.getKey();
            List<?> values = d.isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                switch (value) {
                    case Message m -> check(m);
                    case String s -> within(d, s.length(), "characters");
                    case ByteString b -> within(d, b.size(), "bytes");
                    default -> { }
                }
            }
        }
    }

    private static void within(FieldDescriptor field, int length, String unit) {
        Integer limit = LIMITS.get(field.getFullName());
        if (limit == null) {
            throw new MalformedTaskException(field.getName() + " is a field without a length limit; leave it empty");
        }
        if (length > limit) {
            throw new MalformedTaskException(field.getName() + " has " + length + " " + unit + "; at most " + limit
                    + " are allowed");
        }
    }

    private static void identifier(String value, String what) {
        try {
            Ids.require(value, what);
        } catch (StorageException e) {
            throw new MalformedTaskException(e.getMessage());
        }
    }
}
