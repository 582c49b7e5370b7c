package dev.krypton.orbital.client;

import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Sends tasks to a Krypton node the way Orbital does over gRPC with mutual TLS. */
public final class GrpcTaskSender implements AutoCloseable {

    private final ManagedChannel channel;
    private final TaskServiceGrpc.TaskServiceBlockingStub stub;

    /**
     * Opens a channel.
     *
     * @param host the node's host name as its certificate names it
     * @param port the node's gRPC port
     * @param ca PEM CA certificates that issued the node's certificate
     * @param certificate PEM client certificate chain
     * @param key PEM PKCS#8 client private key
     */
    public GrpcTaskSender(String host, int port, Path ca, Path certificate, Path key) {
        try {
            channel = NettyChannelBuilder.forAddress(host, port)
                    .sslContext(GrpcSslContexts.forClient().trustManager(ca.toFile())
                            .keyManager(certificate.toFile(), key.toFile()).build())
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new OrbitalException("cannot set up TLS for gRPC: " + e.getMessage(), e);
        }
        stub = TaskServiceGrpc.newBlockingStub(channel);
    }

    /** Sends one task and waits up to {@code timeoutMillis} for the answer. */
    public TaskResponse send(TaskRequest task, long timeoutMillis) {
        try {
            return stub.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS).sendTaskRequest(task);
        } catch (StatusRuntimeException e) {
            throw new OrbitalException("gRPC task " + task.getTaskId() + " failed: " + e.getStatus(), e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
