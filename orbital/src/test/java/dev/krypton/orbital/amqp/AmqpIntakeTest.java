package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.time.Duration;
import org.apache.qpid.protonj2.client.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end over the real RabbitMQ (AMQP 1.0 plugin) with the engine port faked. */
class AmqpIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeEngine engine = new FakeEngine();
    private final MemoryStorage storage = new MemoryStorage();
    private final AmqpConfig config = Broker.config("krypton-it", 100, 4);
    private Broker orbital;
    private AmqpIntake intake;

    @BeforeEach
    void start() throws Exception {
        orbital = new Broker(config.responseAddress());
        orbital.drain(config.taskAddress());
        orbital.drain(config.criticalAddress());
        intake = startIntake();
        orbital.drainResponses();
    }

    private AmqpIntake startIntake() {
        return AmqpIntake.start(new TaskProcessor(engine, storage, SignatureCheck.off(), IntakeAudit.logging(), 30,
                Clock.systemUTC()), config);
    }

    @AfterEach
    void stop() {
        intake.close();
        orbital.close();
    }

    private TaskResponse send(String address, TaskRequest task) throws Exception {
        orbital.publish(address, task.toByteArray());
        return orbital.responseTo(task.getTaskId(), WAIT);
    }

    @Test
    void linkThenUnlinkOnTheCriticalAddressStopsUnwrap() throws Exception {
        assertThat(send(config.taskAddress(), Tasks.link("t-amqp", "key-1")).getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(engine.unwrap("t-amqp")).isTrue();
        TaskResponse unlinked = send(config.criticalAddress(), Tasks.unlink("t-amqp"));
        assertThat(unlinked.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(unlinked.getMetaDataMap()).containsEntry("krypton.tenant.state", "UNLINKED");
        assertThat(engine.unwrap("t-amqp")).isFalse();
    }

    @Test
    void anUnlinkOnTheTaskAddressWorksToo() throws Exception {
        send(config.taskAddress(), Tasks.link("t-amqp2", "key-1"));
        assertThat(send(config.taskAddress(), Tasks.unlink("t-amqp2")).getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(engine.unwrap("t-amqp2")).isFalse();
    }

    /** Every routine worker is stuck on a root key and more links are queued; an unlink still runs. */
    @Test
    void unlinksOvertakeLinksStuckOnARootKeyThatNeverAnswers() throws Exception {
        send(config.taskAddress(), Tasks.link("t-stuck", "key-1"));
        try (var sender = orbital.sender(config.taskAddress())) {
            for (int i = 0; i < 50; i++) {
                sender.send(Message.create(Tasks.link("t-hung-" + i, "hang-key").toByteArray()));
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (intake.routineBacklog() < 50 - config.routineWorkers() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(intake.routineBacklog()).isEqualTo(50 - config.routineWorkers());
        while (engine.hangingLinks() < config.routineWorkers() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(engine.hangingLinks()).isEqualTo(config.routineWorkers());
        assertThat(send(config.taskAddress(), Tasks.unlink("t-stuck")).getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(engine.unwrap("t-stuck")).isFalse();
        assertThat(intake.routineBacklog()).isEqualTo(50 - config.routineWorkers());
        engine.releaseHungLinks();
        for (int i = 0; i < 50; i++) {
            assertThat(orbital.nextResponse(WAIT).getStatus()).isEqualTo(TaskStatus.DONE);
        }
    }

    @Test
    void theTaskClientSendsAnyTaskOverAmqp() throws Exception {
        send(config.taskAddress(), Tasks.link("t-cli", "key-1"));
        orbital.close();
        TaskResponse r = TaskClient.run(new String[] {"amqp", "--host", Broker.HOST, "--port", Integer.toString(Broker.PORT),
                "--address", config.criticalAddress(), "--responses", config.responseAddress(),
                "--type", "UNLINK_KEY", "--tenant", "t-cli"});
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getType()).isEqualTo("UNLINK_KEY");
        assertThat(engine.unwrap("t-cli")).isFalse();
        orbital = new Broker(config.responseAddress());
    }

    @Test
    void duplicatesGetTheSameAnswerAndNoSecondEffect() throws Exception {
        TaskRequest link = Tasks.link("t-dup", "key-1");
        TaskResponse first = send(config.taskAddress(), link);
        send(config.criticalAddress(), Tasks.unlink("t-dup"));
        TaskResponse duplicate = send(config.taskAddress(), link);
        assertThat(Tasks.outcome(duplicate)).isEqualTo(Tasks.outcome(first));
        assertThat(duplicate.getMetaDataMap()).containsEntry("krypton.tenant.state", "UNLINKED");
        assertThat(engine.unwrap("t-dup")).isFalse();
        assertThat(engine.effects()).isEqualTo(2);
    }

    @Test
    void aTaskReleasedOnATransientFailureIsRedeliveredAndAppliedOnce() throws Exception {
        engine.failNextWithStorageOutage(2);
        TaskResponse r = send(config.taskAddress(), Tasks.link("t-redeliver", "key-1"));
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(engine.effects()).isEqualTo(1);
        assertThat(orbital.noResponseWithin(Duration.ofMillis(500))).isTrue();
    }

    @Test
    void aRestartedIntakeAnswersARedeliveredTaskFromTheTaskLog() throws Exception {
        TaskRequest link = Tasks.link("t-restart", "key-1");
        TaskResponse first = send(config.taskAddress(), link);
        intake.close();
        intake = startIntake();
        assertThat(send(config.taskAddress(), link)).isEqualTo(first);
        assertThat(engine.effects()).isEqualTo(1);
    }

    @Test
    void aPoisonMessageIsRejectedAndDoesNotBlockTheQueue() throws Exception {
        orbital.publish(config.taskAddress(), new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        TaskResponse poison = orbital.responseTo("", WAIT);
        assertThat(poison.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(poison.getErrorMessage()).contains("not a valid orbital.v1.TaskRequest");
        orbital.publishText(config.criticalAddress(), "{\"taskId\": \"json is not supported\"}");
        TaskResponse text = orbital.responseTo("", WAIT);
        assertThat(text.getErrorMessage()).as(text.toString()).isEqualTo("task has no taskId or etag");
        TaskRequest unsupported = Tasks.link("t-poison", "key-1").toBuilder().setType("REBOOT_REGION").build();
        assertThat(send(config.taskAddress(), unsupported).getErrorMessage()).startsWith("unsupported task type");
        assertThat(send(config.taskAddress(), Tasks.link("t-poison", "key-1")).getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(orbital.noResponseWithin(Duration.ofMillis(500))).isTrue();
    }
}
