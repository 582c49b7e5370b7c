package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.ActualState;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.RealEngine;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.TestPki;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.orbital.grpc.GrpcIntake;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with the real engine: a task over RabbitMQ or gRPC links the tenant, a data key
 * wrapped under its KEK unwraps, an unlink task makes that unwrap fail, and replaying the old link
 * task (same taskId and etag) gets the recorded answer without linking again.
 */
class RealEngineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final MemoryStorage storage = new MemoryStorage();
    private final RealEngine engine = new RealEngine(storage);
    private final TaskProcessor processor = new TaskProcessor(engine.commands(), storage, SignatureCheck.off(),
            IntakeAudit.logging(), 30, Clock.systemUTC());

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void overRabbitMq() throws Exception {
        AmqpConfig config = Broker.config("krypton-e2e", 100, 4);
        try (Broker orbital = new Broker(config.responseAddress()); AmqpIntake intake = AmqpIntake.start(processor, config)) {
            orbital.drainResponses();
            TaskRequest link = Tasks.link("e2e-amqp", "key-1");
            orbital.publish(config.taskAddress(), link.toByteArray());
            TaskResponse linked = orbital.responseTo(link.getTaskId(), WAIT);
            assertThat(linked.getStatus()).as(linked.getErrorMessage()).isEqualTo(TaskStatus.DONE);
            assertThat(linked.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE")
                    .containsEntry(ActualState.ROOT_KEY_ID, "fake:key-1");
            BooleanSupplier unwraps = engine.wrappedKeyOf("e2e-amqp");
            assertThat(unwraps.getAsBoolean()).isTrue();

            TaskRequest unlink = Tasks.unlink("e2e-amqp");
            orbital.publish(config.criticalAddress(), unlink.toByteArray());
            TaskResponse unlinked = orbital.responseTo(unlink.getTaskId(), WAIT);
            assertThat(unlinked.getMetaDataMap()).containsEntry(ActualState.STATE, "UNLINKED");
            assertThat(unwraps.getAsBoolean()).isFalse();

            orbital.publish(config.taskAddress(), link.toByteArray());
            TaskResponse replayed = orbital.responseTo(link.getTaskId(), WAIT);
            assertThat(Tasks.outcome(replayed)).isEqualTo(Tasks.outcome(linked));
            assertThat(replayed.getMetaDataMap()).containsEntry(ActualState.STATE, "UNLINKED");
            assertThat(unwraps.getAsBoolean()).isFalse();
        }
    }

    @Test
    void overGrpc() {
        TestPki pki = TestPki.create(dir).client("orbital");
        GrpcConfig config = new GrpcConfig("127.0.0.1", 0, pki.cert("server"), pki.key("server"), pki.ca(),
                Set.of("orbital"));
        try (GrpcIntake intake = GrpcIntake.start(processor, config, IntakeAudit.logging());
             GrpcTaskSender orbital = new GrpcTaskSender("localhost", intake.port(), pki.ca(), pki.cert("orbital"),
                     pki.key("orbital"))) {
            TaskRequest link = Tasks.link("e2e-grpc", "key-1");
            TaskResponse linked = orbital.send(link, 15_000);
            assertThat(linked.getStatus()).as(linked.getErrorMessage()).isEqualTo(TaskStatus.DONE);
            BooleanSupplier unwraps = engine.wrappedKeyOf("e2e-grpc");
            assertThat(unwraps.getAsBoolean()).isTrue();
            assertThat(orbital.send(Tasks.unlink("e2e-grpc"), 15_000).getMetaDataMap())
                    .containsEntry(ActualState.STATE, "UNLINKED");
            assertThat(unwraps.getAsBoolean()).isFalse();
            TaskResponse replayed = orbital.send(link, 15_000);
            assertThat(Tasks.outcome(replayed)).isEqualTo(Tasks.outcome(linked));
            assertThat(replayed.getMetaDataMap()).containsEntry(ActualState.STATE, "UNLINKED");
            assertThat(unwraps.getAsBoolean()).isFalse();
            TaskResponse relinked = orbital.send(link.toBuilder().setEtag("2").build(), 15_000);
            assertThat(relinked.getMetaDataMap()).containsEntry(ActualState.STATE, "ACTIVE");
            assertThat(unwraps.getAsBoolean()).isTrue();
        }
    }
}
