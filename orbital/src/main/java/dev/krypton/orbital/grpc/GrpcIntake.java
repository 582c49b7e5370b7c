package dev.krypton.orbital.grpc;

import dev.krypton.engine.RefusalLog;
import dev.krypton.orbital.Disposition;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskServiceGrpc;
import io.grpc.Attributes;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code orbital.v1.TaskService/SendTaskRequest} over gRPC with mutual TLS (docs/design.md section 7):
 * only allowed Orbital principals get through; each call runs on its own virtual thread through
 * the same {@link TaskProcessor} as AMQP, so an unlink never waits for link calls, and answers
 * synchronously. A transient failure is answered with status UNAVAILABLE so Orbital retries.
 *
 * <p>The service takes the request as raw bytes and hands them to {@link TaskProcessor#process(byte[])},
 * so bytes that are not a TaskRequest are answered like on AMQP: a TaskResponse FAILED, audited,
 * instead of a failed call from the framework's protobuf parser.
 */
public final class GrpcIntake implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GrpcIntake.class.getName());

    private final Server server;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong tlsRefusals = new AtomicLong();
    private final RefusalLog refusalLog = new RefusalLog(LOG, "security event=grpc-tls-refused (Orbital gRPC)",
            "refusing connections", RefusalLog.DEFAULT_INTERVAL, System::nanoTime);

    private GrpcIntake(TaskProcessor processor, GrpcConfig config, IntakeAudit audit) throws IOException {
        SslContext tls = GrpcSslContexts.forServer(config.certificateChain().toFile(), config.privateKey().toFile())
                .trustManager(config.clientCa().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
                .sslContext(tls)
                .executor(calls)
                .maxInboundMessageSize(TaskProcessor.MAX_TASK_BYTES)
                .addTransportFilter(new TlsRefusals())
                .addService(ServerInterceptors.intercept(service(processor),
                        new PrincipalCheck(config.allowedPrincipals(), audit)))
                .build()
                .start();
    }

    /** Starts listening; throws {@link OrbitalException} when the TLS material or port is unusable. */
    public static GrpcIntake start(TaskProcessor processor, GrpcConfig config, IntakeAudit audit) {
        try {
            return new GrpcIntake(processor, config, audit);
        } catch (IOException | IllegalArgumentException e) {
            throw new OrbitalException("cannot start the gRPC intake on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connections that ended before their TLS handshake completed, since start: callers without a
     * client certificate or with one the client CA did not issue, TLS versions or ciphers refused,
     * bytes that are not TLS, and TCP probes that connect and leave.
     */
    public long tlsRefusals() {
        return tlsRefusals.get();
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        calls.shutdownNow();
    }

    /**
     * gRPC announces a transport as ready once its TLS handshake has completed; a transport that
     * terminates without having been ready (no attributes) was refused or abandoned during the
     * handshake. Counted for the metrics and logged rate-limited, as a refusing listener is a target
     * for floods: the first line of an episode, then a count at most every 10 s.
     */
    private final class TlsRefusals extends ServerTransportFilter {
        @Override
        public void transportTerminated(Attributes attributes) {
            if (attributes == null) {
                tlsRefusals.incrementAndGet();
                refusalLog.refused("a connection closed before completing the TLS handshake: no client certificate,"
                        + " one the client CA did not issue, a refused TLS version or cipher, not TLS at all, or a probe");
            }
        }
    }

    /** Request bytes as they arrived; gRPC has already bounded them to {@code maxInboundMessageSize}. */
    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INVALID_ARGUMENT.withDescription("request body unreadable").asRuntimeException();
            }
        }
    };

    /** {@code SendTaskRequest} with the generated method's name and type, but the request unparsed. */
    private static ServerServiceDefinition service(TaskProcessor processor) {
        MethodDescriptor<byte[], TaskResponse> method = TaskServiceGrpc.getSendTaskRequestMethod()
                .toBuilder(RAW, ProtoUtils.marshaller(TaskResponse.getDefaultInstance()))
                .build();
        return ServerServiceDefinition.builder(TaskServiceGrpc.SERVICE_NAME)
                .addMethod(method, ServerCalls.asyncUnaryCall(
                        (byte[] request, StreamObserver<TaskResponse> answer) -> answer(processor.process(request), answer)))
                .build();
    }

    private static void answer(Disposition disposition, StreamObserver<TaskResponse> answer) {
        switch (disposition) {
            case Disposition.Accept a -> reply(answer, a.response());
            case Disposition.Reject r -> reply(answer, r.response());
            case Disposition.Release r -> answer.onError(
                    Status.UNAVAILABLE.withDescription(r.reason()).asRuntimeException());
        }
    }

    private static void reply(StreamObserver<TaskResponse> answer, TaskResponse response) {
        answer.onNext(response);
        answer.onCompleted();
    }
}
