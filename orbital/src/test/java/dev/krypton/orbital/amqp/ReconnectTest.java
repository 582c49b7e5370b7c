package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import dev.krypton.testsupport.TcpRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The network between the intake and RabbitMQ fails (a relay cuts the TCP connection); the intake
 * reconnects with backoff on its own, restores its links and serves the next task.
 */
class ReconnectTest {

    @Test
    void theIntakeReconnectsAfterTheConnectionIsCut() throws Exception {
        FakeEngine engine = new FakeEngine();
        AmqpConfig direct = Broker.config("krypton-reconnect", 100, 2);
        try (Broker orbital = new Broker(direct.responseAddress()); TcpRelay proxy = new TcpRelay(Broker.HOST, Broker.PORT)) {
            orbital.drain(direct.taskAddress());
            orbital.drain(direct.criticalAddress());
            orbital.drainResponses();
            AmqpConfig config = new AmqpConfig(Broker.HOST, proxy.port(), direct.auth(), direct.taskAddress(),
                    direct.criticalAddress(), direct.responseAddress(), 100, 2, Duration.ofMillis(50));
            TaskProcessor processor = new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(),
                    IntakeAudit.logging(), 30, Clock.systemUTC());
            try (AmqpIntake intake = AmqpIntake.start(processor, config)) {
                proxy.resetAll();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (intake.reconnects() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(intake.reconnects()).isEqualTo(1);
                TaskRequest link = Tasks.link("t-reconnect", "key-1");
                TaskRequest unlink = Tasks.unlink("t-never");
                orbital.publish(config.criticalAddress(), unlink.toByteArray());
                orbital.publish(config.taskAddress(), link.toByteArray());
                Map<String, TaskStatus> answers = new HashMap<>();
                while (answers.size() < 2) {
                    var r = orbital.nextResponse(Duration.ofSeconds(20));
                    answers.put(r.getTaskId(), r.getStatus());
                }
                assertThat(answers).containsOnly(Map.entry(link.getTaskId(), TaskStatus.DONE),
                        Map.entry(unlink.getTaskId(), TaskStatus.DONE));
                assertThat(engine.unwrap("t-reconnect")).isTrue();
            }
        }
    }

    /**
     * The broker goes silent behind a dead network (the relay blackholes: no reset, no close): the
     * intake notices by its idle time-out (1 s here), not only when something resets the
     * connection, and reconnects once the network is back.
     */
    @Test
    void aSilentBrokerIsNoticedByTheIdleTimeout() throws Exception {
        FakeEngine engine = new FakeEngine();
        AmqpConfig direct = Broker.config("krypton-idle", 100, 2);
        try (Broker orbital = new Broker(direct.responseAddress()); TcpRelay relay = new TcpRelay(Broker.HOST, Broker.PORT)) {
            orbital.drainResponses();
            AmqpConfig config = new AmqpConfig(Broker.HOST, relay.port(), direct.auth(), direct.taskAddress(),
                    direct.criticalAddress(), direct.responseAddress(), 100, 2, Duration.ofMillis(50), Duration.ofSeconds(1));
            TaskProcessor processor = new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(),
                    IntakeAudit.logging(), 30, Clock.systemUTC());
            try (AmqpIntake intake = AmqpIntake.start(processor, config)) {
                relay.cut();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (intake.interruptions() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(intake.interruptions()).as("the silent connection was taken for dead").isPositive();
                assertThat(intake.reconnects()).as("not reconnected while the network is dead").isZero();

                relay.heal();
                TaskRequest link = Tasks.link("t-idle", "key-1");
                orbital.publish(config.taskAddress(), link.toByteArray());
                var answer = orbital.nextResponse(Duration.ofSeconds(30));
                assertThat(answer.getTaskId()).isEqualTo(link.getTaskId());
                assertThat(answer.getStatus()).isEqualTo(TaskStatus.DONE);
                assertThat(intake.reconnects()).isPositive();
            }
        }
    }
}
