package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantState;
import dev.krypton.engine.TenantStatus;
import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kill switch over the real RabbitMQ with fields longer than storage takes: answered FAILED and
 * rejected at once, never released for redelivery (which looped forever), and audited.
 */
class HostileAmqpTaskTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeEngine engine = new FakeEngine();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final AmqpConfig config = Broker.config("krypton-hostile", 100, 2);
    private Broker orbital;
    private AmqpIntake intake;

    @BeforeEach
    void start() throws Exception {
        orbital = new Broker(config.responseAddress());
        orbital.drain(config.taskAddress());
        orbital.drain(config.criticalAddress());
        IntakeAudit audit = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                rejected.add(type + " " + reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
            }
        };
        intake = AmqpIntake.start(new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(), audit, 30,
                Clock.systemUTC()), config);
        orbital.drainResponses();
    }

    @AfterEach
    void stop() {
        intake.close();
        orbital.close();
    }

    @Test
    void anUnlinkWithATaskIdOverTheLimitIsFailedOnceAndNeverRedelivered() throws Exception {
        TaskRequest link = Tasks.link("t-amqp-long", "key-1");
        orbital.publish(config.taskAddress(), link.toByteArray());
        assertThat(orbital.responseTo(link.getTaskId(), WAIT).getStatus()).isEqualTo(TaskStatus.DONE);
        TaskRequest unlink = Tasks.unlink("t-amqp-long").toBuilder().setTaskId("u".repeat(600)).build();

        orbital.publish(config.criticalAddress(), unlink.toByteArray());
        TaskResponse r = orbital.responseTo(unlink.getTaskId(), WAIT);

        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).contains("taskId has 600 characters");
        assertThat(engine.status(TenantId.of("t-amqp-long")).map(TenantStatus::state)).contains(TenantState.ACTIVE);
        assertThat(rejected).containsExactly("SYSTEM_UNLINK taskId has 600 characters; at most 512 are allowed");
        assertThat(orbital.noResponseWithin(Duration.ofSeconds(1))).as("rejected, not redelivered").isTrue();
    }

    @Test
    void bytesThatAreNotATaskRequestAreAnsweredFailedAndAudited() throws Exception {
        orbital.publish(config.criticalAddress(), new byte[] {0x52, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
        TaskResponse r = orbital.responseTo("", WAIT);
        assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.getErrorMessage()).contains("not a valid orbital.v1.TaskRequest");
        assertThat(rejected).anyMatch(a -> a.contains("not a valid orbital.v1.TaskRequest"));
    }
}
