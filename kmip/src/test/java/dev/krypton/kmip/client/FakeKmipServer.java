package dev.krypton.kmip.client;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.TtlvFrames;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.StandardPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A test KMIP server over real mutual TLS: it reads {@code batch} request messages before it
 * answers any (so it only works with a pipelining client), then answers each with {@code answer}.
 */
final class FakeKmipServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final MessageCodec codec = StandardPayloads.messageCodec();
    private final AtomicInteger connections = new AtomicInteger();
    final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    FakeKmipServer(TestPki pki, int batch, Function<RequestMessage, ResponseMessage> answer) throws IOException {
        TlsSettings tls = TlsSettings.fromPem(pki.cert("server"), pki.key("server"), pki.caCert());
        server = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(0);
        server.setNeedClientAuth(true);
        Thread.ofVirtual().name("fake-kmip-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().name("fake-kmip-conn").start(() -> serve(s, batch, answer));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(SSLSocket socket, int batch, Function<RequestMessage, ResponseMessage> answer) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.startHandshake();
            clientSubjects.add(socket.getSession().getPeerPrincipal().getName());
            while (true) {
                List<RequestMessage> requests = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    var tree = TtlvFrames.readMessage(in, DecodeLimits.DEFAULT);
                    if (tree.isEmpty()) {
                        return;
                    }
                    requests.add(codec.readRequest((Ttlv.Structure) tree.get()));
                }
                for (RequestMessage r : requests) {
                    out.write(TtlvEncoder.encode(codec.write(answer.apply(r))));
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            if (!server.isClosed()) {
                failures.add(e);
            }
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
