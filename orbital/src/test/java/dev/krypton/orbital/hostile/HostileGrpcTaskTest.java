package dev.krypton.orbital.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantState;
import dev.krypton.engine.TenantStatus;
import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.TestPki;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.orbital.grpc.GrpcIntake;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskServiceGrpc;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an outside tester sent the gRPC intake over real mutual TLS as an allowed Orbital: fields
 * longer than storage takes, and bytes that are not a TaskRequest. Each is answered FAILED at once
 * (never UNAVAILABLE, which Orbital retries forever), audited, and changes nothing.
 */
class HostileGrpcTaskTest {

    @TempDir
    static Path dir;

    static final FakeEngine engine = new FakeEngine();
    static final MemoryStorage storage = new MemoryStorage();
    static final List<String> rejected = new CopyOnWriteArrayList<>();
    static TestPki pki;
    static GrpcIntake intake;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir).client("orbital");
        IntakeAudit audit = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
                rejected.add(type + " " + reason);
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
            }
        };
        TaskProcessor processor = new TaskProcessor(engine, storage, SignatureCheck.off(), audit, 30,
                Clock.systemUTC());
        intake = GrpcIntake.start(processor, new GrpcConfig("127.0.0.1", 0, pki.cert("server"), pki.key("server"),
                pki.ca(), Set.of("orbital")), audit);
    }

    @AfterAll
    static void stop() {
        intake.close();
    }

    private static GrpcTaskSender orbital() {
        return new GrpcTaskSender("localhost", intake.port(), pki.ca(), pki.cert("orbital"), pki.key("orbital"));
    }

    private static TenantState stateOf(String tenant) {
        return engine.status(TenantId.of(tenant)).map(TenantStatus::state).orElseThrow();
    }

    @Test
    void anUnlinkWithATaskIdLongerThanStorageTakesIsFailedAtOnceAndAudited() {
        try (GrpcTaskSender orbital = orbital()) {
            assertThat(orbital.send(Tasks.link("t-long-id", "key-1"), 10_000).getStatus()).isEqualTo(TaskStatus.DONE);
            int effects = engine.effects();
            TaskRequest unlink = Tasks.unlink("t-long-id").toBuilder().setTaskId("x".repeat(513)).build();

            TaskResponse r = orbital.send(unlink, 10_000);

            assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(r.getErrorMessage()).contains("taskId").contains("512");
            assertThat(stateOf("t-long-id")).isEqualTo(TenantState.ACTIVE);
            assertThat(engine.unwrap("t-long-id")).isTrue();
            assertThat(engine.effects()).isEqualTo(effects);
            assertThat(rejected).anyMatch(a -> a.startsWith("SYSTEM_UNLINK taskId has 513 characters"));
            assertThat(orbital.send(unlink, 10_000).getStatus()).as("the same answer again, never a retry")
                    .isEqualTo(TaskStatus.FAILED);
        }
    }

    @Test
    void anEtagOrAnyOtherFieldOverItsLimitIsFailedWithoutReachingTheEngine() {
        try (GrpcTaskSender orbital = orbital()) {
            orbital.send(Tasks.link("t-long-field", "key-1"), 10_000);
            int effects = engine.effects();
            List<TaskRequest> hostile = List.of(
                    Tasks.unlink("t-long-field").toBuilder().setEtag("e".repeat(513)).build(),
                    Tasks.unlink("t-long-field").toBuilder().setExternalId("x".repeat(513)).build(),
                    Tasks.unlink("t-long-field").toBuilder().putMetaData("k", "v".repeat(16 * 1024 + 1)).build(),
                    Tasks.unlink("t-long-field").toBuilder().setEtag("a\u0000b").build(),
                    Tasks.system(dev.krypton.orbital.wire.cmk.TaskType.SYSTEM_UNLINK, "t-long-field", "k".repeat(2049)));
            for (TaskRequest task : hostile) {
                TaskResponse r = orbital.send(task, 10_000);
                assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
                assertThat(r.getErrorMessage()).containsAnyOf("at most", "NUL");
            }
            assertThat(engine.effects()).isEqualTo(effects);
            assertThat(stateOf("t-long-field")).isEqualTo(TenantState.ACTIVE);
        }
    }

    /** Raw bytes on the wire: the client side of SendTaskRequest with a marshaller that sends them as they are. */
    @Test
    void bytesThatAreNotATaskRequestAreAnsweredFailed() throws Exception {
        MethodDescriptor<byte[], TaskResponse> raw = TaskServiceGrpc.getSendTaskRequestMethod()
                .toBuilder(new RawBytes(), ProtoUtils.marshaller(TaskResponse.getDefaultInstance())).build();
        var tls = GrpcSslContexts.forClient().trustManager(pki.ca().toFile())
                .keyManager(pki.cert("orbital").toFile(), pki.key("orbital").toFile()).build();
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", intake.port()).sslContext(tls).build();
        try {
            for (byte[] garbage : List.of(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef},
                    new byte[] {0x52, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f})) {
                TaskResponse r = ClientCalls.blockingUnaryCall(channel, raw,
                        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), garbage);
                assertThat(r.getStatus()).isEqualTo(TaskStatus.FAILED);
                assertThat(r.getErrorMessage()).contains("not a valid orbital.v1.TaskRequest");
            }
            assertThat(rejected).anyMatch(a -> a.contains("not a valid orbital.v1.TaskRequest"));
        } finally {
            channel.shutdownNow();
        }
    }

    /** A caller without a client certificate, and one that speaks no TLS at all: both counted as TLS refusals. */
    @Test
    void tlsRefusalsAreCounted() throws Exception {
        long before = intake.tlsRefusals();
        var tls = GrpcSslContexts.forClient().trustManager(pki.ca().toFile()).build();
        ManagedChannel noCertificate = NettyChannelBuilder.forAddress("localhost", intake.port()).sslContext(tls).build();
        try {
            var stub = TaskServiceGrpc.newBlockingStub(noCertificate).withDeadlineAfter(10, TimeUnit.SECONDS);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stub.sendTaskRequest(Tasks.unlink("t-no-cert")))
                    .isInstanceOf(io.grpc.StatusRuntimeException.class);
        } finally {
            noCertificate.shutdownNow();
        }
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", intake.port())) {
            plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            plain.getOutputStream().flush();
            plain.setSoTimeout(10_000);
            while (plain.getInputStream().read() >= 0) {
                // until the intake closes the connection
            }
        }
        // generous: the server notices the closed transports asynchronously, usually within milliseconds
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (intake.tlsRefusals() < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(intake.tlsRefusals()).isGreaterThanOrEqualTo(before + 2);
        assertThat(engine.status(TenantId.of("t-no-cert"))).isEmpty();
    }

    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
