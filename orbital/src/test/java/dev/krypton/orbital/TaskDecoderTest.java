package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.TenantId;
import dev.krypton.orbital.wire.cmk.AWSKeyAccessData;
import dev.krypton.orbital.wire.cmk.Data;
import dev.krypton.orbital.wire.cmk.KeyAction;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How CMK payloads become engine commands, observed through the engine port. */
class TaskDecoderTest {

    private final FakeEngine engine = new FakeEngine();
    private final TaskProcessor processor = new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(),
            IntakeAudit.logging(), 30, Clock.systemUTC());

    private TaskResponse answer(TaskRequest task) {
        return switch (processor.process(task)) {
            case Disposition.Accept a -> a.response();
            case Disposition.Reject r -> r.response();
            case Disposition.Release r -> throw new AssertionError(r.reason());
        };
    }

    private static TaskRequest with(TaskType type, Data.Builder data) {
        return Tasks.link("x", "y").toBuilder().setType(type.name()).setData(data.setTaskType(type).build().toByteString())
                .build();
    }

    @Test
    void awsAccessDataBecomesRootKeyMetadata() {
        AWSKeyAccessData aws = AWSKeyAccessData.newBuilder().setKeyArn("arn:aws:kms:eu-1:1:key/k")
                .setRoleArn("arn:aws:iam::1:role/r").setTrustAnchorArn("arn:ta").setProfileArn("arn:p").build();
        TaskRequest link = with(TaskType.SYSTEM_LINK, Data.newBuilder().setSystemAction(SystemAction.newBuilder()
                .setTenantId("acme").setKeyProvider("aws-kms").setKeyIdTo("arn:aws:kms:eu-1:1:key/k")
                .setKeyAccessMetaData(aws.toByteString())));
        assertThat(answer(link).getStatus()).isEqualTo(TaskStatus.DONE);
        var ref = engine.status(TenantId.of("acme")).orElseThrow().rootKey().orElseThrow();
        assertThat(ref.provider()).isEqualTo("aws-kms");
        assertThat(ref.metadata()).isEqualTo(Map.of("key_arn", "arn:aws:kms:eu-1:1:key/k",
                "role_arn", "arn:aws:iam::1:role/r", "trust_anchor_arn", "arn:ta", "profile_arn", "arn:p"));
    }

    @Test
    void linkKeyRelinksUnderTheBoundRootKey() {
        answer(Tasks.link("acme", "key-1"));
        answer(Tasks.unlink("acme"));
        TaskRequest relink = with(TaskType.SYSTEM_LINK, Data.newBuilder().setKeyAction(KeyAction.newBuilder()
                .setTenantId("acme").setKeyId("key-1"))).toBuilder().setType("LINK_KEY").build();
        assertThat(answer(relink).getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(engine.unwrap("acme")).isTrue();
    }

    @Test
    void linkKeyForATenantWithoutABoundKeyAsksForSystemLink() {
        TaskRequest relink = with(TaskType.SYSTEM_LINK, Data.newBuilder().setKeyAction(KeyAction.newBuilder()
                .setTenantId("fresh").setKeyId("key-1"))).toBuilder().setType("LINK_KEY").build();
        TaskResponse r = answer(relink);
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).contains("send SYSTEM_LINK");
        assertThat(engine.effects()).isZero();
    }

    @Test
    void switchRebindsTheRootKeyAndDisableThenEnableRoundTrips() {
        answer(Tasks.link("acme", "key-1"));
        TaskResponse switched = answer(Tasks.system(TaskType.SYSTEM_SWITCH, "acme", "key-2"));
        assertThat(switched.getMetaDataMap()).containsEntry(ActualState.ROOT_KEY_ID, "fake:key-2");
        assertThat(answer(Tasks.system(TaskType.KEY_DISABLE, "acme", "")).getMetaDataMap())
                .containsEntry(ActualState.STATE, "DISABLED");
        assertThat(engine.unwrap("acme")).isFalse();
        TaskResponse refused = answer(Tasks.link("acme", "key-2"));
        assertThat(refused.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(refused.getMetaDataMap()).containsEntry(ActualState.STATE, "DISABLED");
        answer(Tasks.system(TaskType.KEY_ENABLE, "acme", ""));
        assertThat(engine.unwrap("acme")).isTrue();
        assertThat(answer(Tasks.system(TaskType.KEY_DELETE, "acme", "")).getMetaDataMap())
                .containsEntry(ActualState.STATE, "DESTROYED");
        assertThat(engine.unwrap("acme")).isFalse();
    }

    @Test
    void aLinkWithoutARootKeyIsMalformed() {
        TaskResponse r = answer(Tasks.system(TaskType.SYSTEM_LINK, "acme", ""));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).startsWith("key_provider/key_id_to");
        TaskRequest noData = Tasks.link("acme", "k").toBuilder().clearData().build();
        assertThat(answer(noData).getErrorMessage()).isEqualTo("task SYSTEM_LINK carries no data");
        assertThat(engine.effects()).isZero();
    }
}
