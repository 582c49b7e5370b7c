package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.krypton.orbital.wire.cmk.AWSKeyAccessData;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLimitsTest {

    /** Every string and bytes field reachable from a task, nested and map entries included. */
    private static void collect(Descriptor message, List<String> out) {
        for (FieldDescriptor f : message.getFields()) {
            switch (f.getJavaType()) {
                case STRING, BYTE_STRING -> out.add(f.getFullName());
                case MESSAGE -> collect(f.getMessageType(), out);
                default -> { }
            }
        }
    }

    @Test
    void everyStringAndBytesFieldOfTheProtoFilesHasALimit() {
        List<String> fields = new ArrayList<>();
        collect(TaskRequest.getDescriptor(), fields);
        collect(Data.getDescriptor(), fields);
        collect(AWSKeyAccessData.getDescriptor(), fields);
        assertThat(fields).hasSizeGreaterThan(20);
        assertThat(TaskLimits.LIMITS.keySet()).containsAll(fields);
    }

    @Test
    void aFieldAtItsLimitPassesAndOneCharacterMoreIsNamedWithoutItsValue() {
        TaskRequest atLimit = Tasks.unlink("acme").toBuilder().setTaskId("t".repeat(512)).setEtag("e".repeat(512))
                .setWorkingState(ByteString.copyFrom(new byte[64 * 1024])).build();
        TaskLimits.check(atLimit);
        assertThatThrownBy(() -> TaskLimits.check(atLimit.toBuilder().setEtag("secret-" + "e".repeat(600)).build()))
                .isInstanceOf(MalformedTaskException.class)
                .hasMessage("etag has 607 characters; at most 512 are allowed");
        assertThatThrownBy(() -> TaskLimits.check(atLimit.toBuilder()
                .setWorkingState(ByteString.copyFrom(new byte[64 * 1024 + 1])).build()))
                .hasMessage("workingState has 65537 bytes; at most 65536 are allowed");
    }

    @Test
    void tooManyMetaDataEntriesAreMalformed() {
        TaskRequest.Builder b = Tasks.unlink("acme").toBuilder();
        for (int i = 0; i <= TaskLimits.MAX_METADATA_ENTRIES; i++) {
            b.putMetaData("k" + i, "v");
        }
        assertThatThrownBy(() -> TaskLimits.check(b.build())).hasMessageContaining("metaData has 65 entries");
    }
}
