package dev.krypton.storage.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Controls the local PostgreSQL cluster with Debian's pg_ctlcluster (needs root, as in CI). */
final class PostgresServer {

    private PostgresServer() {
    }

    /** The installed major version, e.g. "15", or empty if there is no Debian cluster here. */
    static String version() {
        Path etc = Path.of("/etc/postgresql");
        if (!Files.isDirectory(etc) || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
            return "";
        }
        try (Stream<Path> versions = Files.list(etc)) {
            return versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs {@code pg_ctlcluster <version> main <action>} (fast shutdown) and waits for it. */
    static int ctl(String action) throws IOException, InterruptedException {
        List<String> command = List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action, "-m", "fast");
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Starts the server if it is not accepting connections (used in finally blocks). */
    static void ensureRunning() throws IOException, InterruptedException {
        if (!ready()) {
            ctl("start");
        }
        for (int i = 0; i < 60 && !ready(); i++) {
            Thread.sleep(500);
        }
    }

    static boolean ready() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q").start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
