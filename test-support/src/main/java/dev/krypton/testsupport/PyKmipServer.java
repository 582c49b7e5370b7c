package dev.krypton.testsupport;

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
 * TLS 1.2 with client certificates (PEERS.md), its own SQLite database in the folder given. Always
 * killed with SIGKILL on close, with every process it forked: after SIGTERM it lingers until its
 * 10 s accept timeout, and its forked workers would outlive it.
 */
public final class PyKmipServer implements AutoCloseable {
    /** The interpreter PyKMIP is installed for. */
    public static final String PYTHON = "/usr/bin/python3";
    /** The server script of the Debian package. */
    public static final Path EXECUTABLE = Path.of("/usr/bin/pykmip-server");
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

    /**
     * Starts a server presenting {@code certificate} (PEM) with {@code privateKey} (PEM) and trusting
     * client certificates of {@code caCertificate}, with its files in {@code dir}; retries on a new
     * port if the one picked was taken meanwhile.
     */
    public static PyKmipServer start(Path certificate, Path privateKey, Path caCertificate, Path dir)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path run = Files.createDirectories(dir.resolve("pykmip-" + attempt));
            int port = freePort();
            Process p = launch(certificate, privateKey, caCertificate, run, port);
            var server = new PyKmipServer(p, port, run.resolve("pykmip.log"));
            try {
                server.awaitListening(Duration.ofSeconds(40));
                return server;
            } catch (IOException e) {
                server.close();
                last = e;
            } catch (InterruptedException e) {
                server.close();
                throw e;
            }
        }
        throw last;
    }

    private static Process launch(Path certificate, Path privateKey, Path ca, Path run, int port) throws IOException {
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
                """.formatted(port, certificate, privateKey, ca, run.resolve("policies"), run.resolve("pykmip.db")));
        return new ProcessBuilder(PYTHON, EXECUTABLE.toString(), "-f", conf.toString(), "-l", run.resolve("pykmip.log").toString())
                .redirectErrorStream(true).redirectOutput(run.resolve("pykmip.out").toFile()).start();
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The last 4,000 characters of the server's log, for failure messages. */
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

    /** A port that was free a moment ago (for tests that need an address nothing listens on). */
    public static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** SIGKILL to the server and every process it forked, then waits until all are gone. */
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
