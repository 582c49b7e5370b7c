package dev.krypton.orbital.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.TenantId;
import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.TestPki;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskServiceGrpc;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC intake over real mutual TLS, with the engine port faked. */
class GrpcIntakeTest {

    @TempDir
    static Path dir;

    static final FakeEngine engine = new FakeEngine();
    static final List<String> audited = new ArrayList<>();
    static TestPki pki;
    static GrpcIntake intake;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir).client("orbital").client("intruder");
        IntakeAudit audit = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                audited.add(reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
            }
        };
        TaskProcessor processor = new TaskProcessor(engine, new MemoryStorage(), SignatureCheck.off(), audit, 30,
                Clock.systemUTC());
        intake = GrpcIntake.start(processor, new GrpcConfig("127.0.0.1", 0, pki.cert("server"), pki.key("server"),
                pki.ca(), Set.of("orbital")), audit);
    }

    @AfterAll
    static void stop() {
        intake.close();
    }

    private static GrpcTaskSender as(String who) {
        return new GrpcTaskSender("localhost", intake.port(), pki.ca(), pki.cert(who), pki.key(who));
    }

    @Test
    void anAllowedOrbitalLinksAndUnlinksSynchronously() {
        try (GrpcTaskSender orbital = as("orbital")) {
            TaskRequest link = Tasks.link("t-grpc", "key-1");
            TaskResponse linked = orbital.send(link, 10_000);
            assertThat(linked.getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(linked.getTaskId()).isEqualTo(link.getTaskId());
            assertThat(engine.unwrap("t-grpc")).isTrue();
            TaskResponse unlinked = orbital.send(Tasks.unlink("t-grpc"), 10_000);
            assertThat(unlinked.getMetaDataMap()).containsEntry("krypton.tenant.state", "UNLINKED");
            assertThat(engine.unwrap("t-grpc")).isFalse();
            int effects = engine.effects();
            TaskResponse replayed = orbital.send(link, 10_000);
            assertThat(Tasks.outcome(replayed)).isEqualTo(Tasks.outcome(linked));
            assertThat(replayed.getMetaDataMap()).containsEntry("krypton.tenant.state", "UNLINKED");
            assertThat(engine.effects()).isEqualTo(effects);
            assertThat(engine.unwrap("t-grpc")).isFalse();
        }
    }

    @Test
    void theTaskClientSendsAnyTaskOverGrpc() {
        TaskResponse r = TaskClient.run(new String[] {"grpc", "--host", "localhost", "--port", Integer.toString(intake.port()),
                "--ca", pki.ca().toString(), "--cert", pki.cert("orbital").toString(), "--key", pki.key("orbital").toString(),
                "--type", "SYSTEM_LINK", "--tenant", "t-cli", "--provider", "local", "--key-id", "key-cli"});
        assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(r.getMetaDataMap()).containsEntry("krypton.rootKey.id", "local:key-cli");
        assertThat(engine.unwrap("t-cli")).isTrue();
    }

    /** Many link calls are stuck on a root key that does not answer; an unlink call still completes. */
    @Test
    void anUnlinkCallCompletesWhileLinkCallsAreStuck() throws Exception {
        try (GrpcTaskSender orbital = as("orbital");
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            orbital.send(Tasks.link("t-grpc-stuck", "key-1"), 10_000);
            List<Future<TaskResponse>> stuck = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                TaskRequest link = Tasks.link("t-grpc-hung-" + i, "hang-key");
                stuck.add(callers.submit(() -> orbital.send(link, 60_000)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (engine.hangingLinks() < 32 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.hangingLinks()).isEqualTo(32);
            TaskResponse unlinked = orbital.send(Tasks.unlink("t-grpc-stuck"), 10_000);
            assertThat(unlinked.getMetaDataMap()).containsEntry("krypton.tenant.state", "UNLINKED");
            assertThat(engine.unwrap("t-grpc-stuck")).isFalse();
            assertThat(stuck).noneMatch(Future::isDone);
            engine.releaseHungLinks();
            for (Future<TaskResponse> f : stuck) {
                assertThat(f.get().getStatus()).isEqualTo(TaskStatus.DONE);
            }
        }
    }

    @Test
    void unsupportedTypesAreAnsweredFailed() {
        try (GrpcTaskSender orbital = as("orbital")) {
            TaskResponse r = orbital.send(Tasks.link("t-grpc2", "key-1").toBuilder().setType("NOPE").build(), 10_000);
            assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(r.getErrorMessage()).startsWith("unsupported task type");
        }
    }

    @Test
    void aCertifiedCallerThatIsNotOrbitalIsRefusedAndAudited() {
        try (GrpcTaskSender intruder = as("intruder")) {
            assertThatThrownBy(() -> intruder.send(Tasks.unlink("t-grpc3"), 10_000))
                    .isInstanceOf(OrbitalException.class).hasMessageContaining("PERMISSION_DENIED");
        }
        assertThat(audited).anyMatch(a -> a.contains("intruder"));
    }

    @Test
    void aCallerWithoutAClientCertificateCannotConnect() throws Exception {
        var tls = GrpcSslContexts.forClient().trustManager(pki.ca().toFile()).build();
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", intake.port()).sslContext(tls).build();
        try {
            var stub = TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> stub.sendTaskRequest(Tasks.unlink("t-grpc4")))
                    .isInstanceOf(StatusRuntimeException.class);
            assertThat(engine.status(TenantId.of("t-grpc4"))).isEmpty();
        } finally {
            channel.shutdownNow();
        }
    }
}
