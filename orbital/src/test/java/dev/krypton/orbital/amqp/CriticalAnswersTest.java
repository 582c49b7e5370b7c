package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Duration;
import org.apache.qpid.protonj2.client.Message;
import org.junit.jupiter.api.Test;

/**
 * Over the real RabbitMQ: the answer to an unlink-class task goes to the critical response address
 * with priority 9, while answers to a routine backlog wait unread on the response address and more
 * routine work is still queued, so Orbital reads the kill switch's DONE first.
 */
class CriticalAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ANSWERED = 30;
    private static final int STUCK = 40;

    @Test
    void theUnlinksDoneArrivesOnTheCriticalResponseAddressAheadOfTheRoutineBacklog() throws Exception {
        FakeEngine engine = new FakeEngine();
        AmqpConfig config = Broker.withCriticalResponses(Broker.config("krypton-critical-answers", 100, 4));
        try (Broker routine = new Broker(config.responseAddress());
             Broker critical = new Broker(config.criticalResponseAddress());
             AmqpIntake intake = AmqpIntake.start(new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(),
                     IntakeAudit.logging(), 30, engine.clock()), config)) {
            TaskRequest victimLink = Tasks.link("victim", "key-1");
            routine.publish(config.taskAddress(), victimLink.toByteArray());
            assertThat(routine.responseTo(victimLink.getTaskId(), WAIT).getStatus()).isEqualTo(TaskStatus.DONE);

            try (var sender = routine.sender(config.taskAddress())) {
                for (int i = 0; i < ANSWERED; i++) {
                    sender.send(Message.create(Tasks.link("t-" + i, "key-1").toByteArray())).awaitSettlement();
                }
                for (int i = 0; i < STUCK; i++) {
                    sender.send(Message.create(Tasks.link("t-stuck-" + i, "hang-key").toByteArray())).awaitSettlement();
                }
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (engine.hangingLinks() < config.routineWorkers() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.hangingLinks()).as("every routine worker waits on a root key").isEqualTo(config.routineWorkers());
            assertThat(engine.effects()).as("the first links were answered (unread)").isEqualTo(1 + ANSWERED);

            TaskRequest unlink = Tasks.unlink("victim");
            routine.publish(config.criticalAddress(), unlink.toByteArray());
            Message<byte[]> first = critical.nextMessage(WAIT);
            TaskResponse done = TaskResponse.parseFrom(first.body());
            assertThat(done.getTaskId()).as("the first answer on the critical response address").isEqualTo(unlink.getTaskId());
            assertThat(done.getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(first.priority()).isEqualTo(AmqpIntake.CRITICAL_PRIORITY);
            assertThat(intake.routineBacklog()).as("routine work still queued behind").isPositive();

            engine.releaseHungLinks();
            for (int i = 0; i < ANSWERED + STUCK; i++) {
                TaskResponse r = routine.nextResponse(WAIT);
                assertThat(r.getType()).as("only link answers on the response address").isEqualTo("SYSTEM_LINK");
            }
            assertThat(critical.noResponseWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void withoutACriticalResponseAddressEveryAnswerGoesToTheResponseAddress() throws Exception {
        FakeEngine engine = new FakeEngine();
        AmqpConfig config = Broker.config("krypton-one-address", 100, 4);
        assertThat(config.criticalResponseAddress()).isEqualTo(config.responseAddress());
        try (Broker orbital = new Broker(config.responseAddress());
             AmqpIntake intake = AmqpIntake.start(new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(),
                     IntakeAudit.logging(), 30, engine.clock()), config)) {
            TaskRequest link = Tasks.link("one", "key-1");
            orbital.publish(config.taskAddress(), link.toByteArray());
            assertThat(orbital.responseTo(link.getTaskId(), WAIT).getStatus()).isEqualTo(TaskStatus.DONE);
            TaskRequest unlink = Tasks.unlink("one");
            orbital.publish(config.criticalAddress(), unlink.toByteArray());
            Message<byte[]> answer = orbital.nextMessage(WAIT);
            assertThat(TaskResponse.parseFrom(answer.body()).getTaskId()).isEqualTo(unlink.getTaskId());
            assertThat(answer.priority()).isEqualTo(AmqpIntake.CRITICAL_PRIORITY);
        }
    }
}
