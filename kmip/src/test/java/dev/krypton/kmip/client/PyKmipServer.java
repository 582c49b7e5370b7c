package dev.krypton.kmip.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The real PyKMIP server (Debian python3-pykmip) on a free local port with a TLS 1.2 client-auth
 * suite, for interoperability tests. Killed with SIGKILL on close: after SIGTERM it would linger
 * up to its 10 s accept timeout.
 */
final class PyKmipServer implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/pykmip-server");
    private final Process process;
    private final int port;
    private final Path log;

    private PyKmipServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PyKmipServer start(TestPki pki, Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(dir.resolve("policies"));
        Path conf = dir.resolve("server.conf");
        Files.writeString(conf, """
                [server]
                hostname=127.0.0.1
                port=%d
                certificate_path=%s
                key_path=%s
                ca_path=%s
                auth_suite=TLS1.2
                enable_tls_client_auth=True
                policy_path=%s
                database_path=%s
                logging_level=INFO
                """.formatted(port, pki.cert("server"), pki.key("server"), pki.caCert(),
                dir.resolve("policies"), dir.resolve("pykmip.db")));
        Path log = dir.resolve("pykmip.log");
        Process p = new ProcessBuilder("/usr/bin/python3", EXECUTABLE.toString(), "-f", conf.toString(), "-l", log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("pykmip.out").toFile()).start();
        var server = new PyKmipServer(p, port, log);
        server.awaitListening(Duration.ofSeconds(30));
        return server;
    }

    int port() {
        return port;
    }

    String logTail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 4000));
    }

    private void awaitListening(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("PyKMIP server exited early:\n" + logTail());
            }
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("PyKMIP server did not listen within " + limit + ":\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // PyKMIP forks a child with the same command line that outlives a SIGKILL of its parent.
        java.util.List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }
}
