package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.krypton.engine.Propagation;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.TaskLog;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskProcessorTest {

    private final FakeEngine engine = new FakeEngine();
    private final MemoryStorage storage = new MemoryStorage();
    private final List<String> audited = new ArrayList<>();
    private final TaskProcessor processor = processorOn(storage);

    private TaskProcessor processorOn(MemoryStorage store) {
        IntakeAudit audit = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                audited.add("rejected " + reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                audited.add("processed " + type + " " + status);
            }
        };
        return new TaskProcessor(engine, store, SignatureCheck.off(), audit, 45, engine.clock());
    }

    private static TaskResponse accepted(Disposition d) {
        assertThat(d).isInstanceOf(Disposition.Accept.class);
        return ((Disposition.Accept) d).response();
    }

    private static TaskResponse rejected(Disposition d) {
        assertThat(d).isInstanceOf(Disposition.Reject.class);
        return ((Disposition.Reject) d).response();
    }

    @Test
    void linkIsDoneEchoesTheTaskAndReportsTheActualState() {
        TaskRequest link = Tasks.link("acme", "key-1");
        TaskResponse r = accepted(processor.process(link.toByteArray()));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(List.of(r.getTaskId(), r.getType(), r.getExternalId(), r.getEtag()))
                .containsExactly(link.getTaskId(), "SYSTEM_LINK", "ext-acme", "1");
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE")
                .containsEntry(ActualState.GENERATION, "1").containsEntry(ActualState.ROOT_KEY_ID, "fake:key-1")
                .containsEntry(ActualState.ROOT_KEY_VERSION, "1").containsEntry(ActualState.TENANT, "acme");
        assertThat(engine.unwrap("acme")).isTrue();
    }

    @Test
    void aDuplicateGetsTheRecordedResponseAndNoSecondEffect() {
        TaskRequest link = Tasks.link("acme", "key-1");
        TaskResponse first = accepted(processor.process(link));
        accepted(processor.process(Tasks.unlink("acme")));
        TaskResponse again = accepted(processor.process(link));
        assertThat(Tasks.outcome(again)).isEqualTo(Tasks.outcome(first));
        assertThat(again.getMetaDataMap()).containsEntry(ActualState.STATE, "UNLINKED");
        assertThat(engine.unwrap("acme")).isFalse();
        assertThat(engine.effects()).isEqualTo(2);
    }

    @Test
    void theRecordedResponseSurvivesARestartOnTheSameStorage() {
        TaskRequest unlink = Tasks.unlink("acme");
        accepted(processor.process(Tasks.link("acme", "key-1")));
        TaskResponse first = accepted(processor.process(unlink));
        accepted(processor.process(Tasks.link("acme", "key-1").toBuilder().setEtag("2").build()));
        TaskProcessor restarted = processorOn(storage);
        TaskResponse replayed = accepted(restarted.process(unlink));
        assertThat(Tasks.outcome(replayed)).isEqualTo(Tasks.outcome(first));
        assertThat(replayed.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE");
        assertThat(engine.unwrap("acme")).isTrue();
    }

    @Test
    void aNewerEtagOfTheSameTaskIsProcessedAgain() {
        TaskRequest link = Tasks.link("acme", "key-1");
        accepted(processor.process(link));
        accepted(processor.process(Tasks.unlink("acme")));
        TaskResponse newer = accepted(processor.process(link.toBuilder().setEtag("2").build()));
        assertThat(newer.getEtag()).isEqualTo("2");
        assertThat(engine.unwrap("acme")).isTrue();
    }

    @Test
    void unknownTypesAreRejectedAsUnsupported() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        TaskRequest odd = Tasks.link("acme", "key-1").toBuilder().setType("MAKE_COFFEE").build();
        TaskResponse r = rejected(processor.process(odd));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).startsWith("unsupported task type");
        assertThat(r.getTaskId()).isEqualTo(odd.getTaskId());
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE");
        assertThat(engine.effects()).isEqualTo(1);
    }

    @Test
    void garbageIsRejectedWithAFailedAnswer() {
        TaskResponse r = rejected(processor.process(new byte[] {(byte) 0xff, 0x01, 0x02}));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).contains("not a valid orbital.v1.TaskRequest");
    }

    @Test
    void malformedDataIsRejectedAndChangesNothing() {
        TaskRequest bad = Tasks.link("acme", "key-1").toBuilder().setData(ByteString.copyFromUtf8("\u0007xx")).build();
        assertThat(rejected(processor.process(bad)).getErrorMessage()).contains("CMK Data");
        TaskRequest badTenant = Tasks.link("a:b", "key-1");
        assertThat(rejected(processor.process(badTenant)).getErrorMessage()).startsWith("tenant_id");
        assertThat(engine.effects()).isZero();
        assertThat(audited).allMatch(a -> a.startsWith("rejected"));
    }

    @Test
    void anUnavailableRootKeyAnswersProcessingAndIsNotRecorded() {
        TaskRequest link = Tasks.link("acme", "unavailable");
        TaskResponse r = accepted(processor.process(link));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(r.getReconcileAfterSec()).isEqualTo(45);
        assertThat(storage.get(link.getTaskId(), "1")).isEmpty();
    }

    @Test
    void aDeniedRootKeyFailsTheTaskWithAnOperatorMessage() {
        TaskResponse r = accepted(processor.process(Tasks.link("acme", "denied")));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).isEqualTo("root key denied: key is disabled");
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.STATE, "UNKNOWN");
    }

    @Test
    void unlinkingAnUnknownTenantAlreadyMeetsTheDesiredState() {
        TaskResponse r = accepted(processor.process(Tasks.unlink("ghost")));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.STATE, "UNKNOWN");
    }

    @Test
    void aReconcileOfAnAppliedTaskReportsTheActualState() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        TaskResponse r = accepted(processor.process(Tasks.link("acme", "key-1")));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.GENERATION, "1");
        assertThat(engine.effects()).isEqualTo(1);
    }

    @Test
    void aStorageOutageReleasesTheTaskForRedelivery() {
        engine.failNextWithStorageOutage(1);
        TaskRequest link = Tasks.link("acme", "key-1");
        assertThat(processor.process(link)).isInstanceOf(Disposition.Release.class);
        assertThat(accepted(processor.process(link)).getStatus()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aFailureCausedByShutdownIsReleasedNotRecorded() {
        TaskRequest link = Tasks.link("acme", "denied");
        Thread.currentThread().interrupt();
        try {
            assertThat(processor.process(link)).isInstanceOf(Disposition.Release.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(storage.get(link.getTaskId(), "1")).isEmpty();
    }

    @Test
    void tenantConfigReportsTheActualStateWithoutChange() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        TaskResponse r = accepted(processor.process(Tasks.system(TaskType.TENANT_CONFIG, "acme", "")));
        assertThat(r.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE");
        assertThat(engine.effects()).isEqualTo(1);
    }

    @Test
    void anUnlinkIsDoneOnlyAfterTheClusterConfirmsAndSaysHowLongItTook() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        TaskResponse r = accepted(processor.process(Tasks.unlink("acme")));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getMetaDataMap()).containsEntry(CommandRunner.PROPAGATION_MS, "7")
                .containsEntry(ActualState.STATE, "UNLINKED");
        assertThat(engine.propagationWaits()).as("waited for the unlink's generation, not for the link").containsExactly(2L);
    }

    @Test
    void theWarmUpRunsTheUnlinkPathThroughTheTaskLogAndTheEngineAndChangesNothing() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        int effects = engine.effects();
        List<String> logCalls = new ArrayList<>();
        TaskLog counting = new TaskLog() {
            @Override
            public dev.krypton.storage.ProcessedTask putIfAbsent(dev.krypton.storage.ProcessedTask task) {
                logCalls.add("put");
                return storage.putIfAbsent(task);
            }

            @Override
            public java.util.Optional<dev.krypton.storage.ProcessedTask> get(String taskId, String etag) {
                logCalls.add("get");
                return storage.get(taskId, etag);
            }
        };
        audited.clear();
        TaskProcessor warming = new TaskProcessor(engine, counting, SignatureCheck.off(), new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                audited.add(reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                audited.add(status);
            }
        }, 45, engine.clock());
        assertThat(warming.warmUp(3)).isPositive();
        assertThat(engine.warmUps()).hasSize(3).allMatch(t -> t.value().equals(TaskProcessor.WARM_UP_TENANT));
        assertThat(logCalls).as("the task log was read, never written").containsExactly("get", "get", "get");
        assertThat(engine.effects()).isEqualTo(effects);
        assertThat(engine.unwrap("acme")).isTrue();
        assertThat(engine.status(dev.krypton.engine.TenantId.of(TaskProcessor.WARM_UP_TENANT))).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void thePropagationTimeRunsFromTheCommitNotFromTheEndOfTheCommand() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        engine.afterCommit(Duration.ofMillis(309));
        TaskResponse r = accepted(processor.process(Tasks.unlink("acme")));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getMetaDataMap()).as("309 ms after the commit inside the engine, then 7 ms waiting for the nodes")
                .containsEntry(CommandRunner.PROPAGATION_MS, "316");
    }

    @Test
    void anUnconfirmedUnlinkAnswersProcessingIsNotRecordedAndTheRepeatWaitsAgain() {
        accepted(processor.process(Tasks.link("acme", "key-1")));
        engine.propagation(new Propagation(false, java.time.Duration.ofSeconds(10), List.of("node-c")));
        TaskRequest unlink = Tasks.unlink("acme");
        TaskResponse r = accepted(processor.process(unlink));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(r.getReconcileAfterSec()).isEqualTo(CommandRunner.PROPAGATION_RECONCILE_AFTER_SEC);
        assertThat(r.getErrorMessage()).contains("node-c");
        assertThat(r.getMetaDataMap()).doesNotContainKey(CommandRunner.PROPAGATION_MS);
        assertThat(storage.get(unlink.getTaskId(), unlink.getEtag())).isEmpty();
        assertThat(engine.unwrap("acme")).as("wiped here all the same").isFalse();

        engine.propagation(new Propagation(true, java.time.Duration.ofMillis(3), List.of()));
        TaskResponse again = accepted(processor.process(unlink));
        assertThat(again.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(again.getMetaDataMap()).containsEntry(CommandRunner.PROPAGATION_MS, "3");
        assertThat(engine.propagationWaits()).containsExactly(2L, 2L);
        assertThat(engine.effects()).isEqualTo(2);
    }
}
