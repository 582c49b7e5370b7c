package dev.krypton.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real PyKMIP server (Debian python3-pykmip, run by /usr/bin/python3) on a fresh local port,
 * TLS 1.2 with client certificates. Always killed with SIGKILL on close: after SIGTERM it lingers
 * until its 10 s accept timeout.
 */
public final class PyKmipServer implements AutoCloseable {
    public static final String PYTHON = "/usr/bin/python3";
    private static final int ATTEMPTS = 3;
    private final Process process;
    private final int port;
    private final Path log;

    private PyKmipServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test, with a clear message, when /usr/bin/python3 cannot import kmip. */
    public static void assumePyKmipInstalled() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON));
        if (present) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import kmip.services.server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        }
        assumeTrue(present, "PyKMIP is not installed for /usr/bin/python3 (apt-get install python3-pykmip); PyKMIP tests skipped");
    }

    /** Starts a server with its own database in {@code dir}; retries on a new port if one was taken meanwhile. */
    public static PyKmipServer start(TestPki pki, Path dir) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path run = Files.createDirectories(dir.resolve("pykmip-" + attempt));
            int port = freePort();
            Process p = launch(pki, run, port);
            var server = new PyKmipServer(p, port, run.resolve("pykmip.log"));
            try {
                server.awaitListening(Duration.ofSeconds(40));
                return server;
            } catch (IOException e) {
                server.close();
                last = e;
            }
        }
        throw last;
    }

    private static Process launch(TestPki pki, Path run, int port) throws IOException {
        Files.createDirectories(run.resolve("policies"));
        Path conf = run.resolve("server.conf");
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
                run.resolve("policies"), run.resolve("pykmip.db")));
        return new ProcessBuilder(PYTHON, "/usr/bin/pykmip-server", "-f", conf.toString(), "-l", run.resolve("pykmip.log").toString())
                .redirectErrorStream(true).redirectOutput(run.resolve("pykmip.out").toFile()).start();
    }

    public int port() {
        return port;
    }

    public String logTail() throws IOException {
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

    /**
     * SIGKILL (destroyForcibly) to the server and every process it forked (its worker processes
     * would otherwise outlive it, orphaned), then waits until all are gone.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PyKMIP process " + handle.pid() + " did not exit after SIGKILL", e);
            }
        }
    }
}
