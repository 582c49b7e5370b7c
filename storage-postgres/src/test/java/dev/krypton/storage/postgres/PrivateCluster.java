package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on a free port, owned by the postgres user: scram-sha-256
 * passwords, TLS only ({@code hostssl}), a self-signed certificate for 127.0.0.1, fsync off.
 */
final class PrivateCluster {

    private final Path dir;
    private final Path bin;
    private final int port;

    private PrivateCluster(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    static boolean possible() {
        String version = PostgresServer.version();
        return !version.isEmpty() && Files.isExecutable(Path.of("/usr/lib/postgresql", version, "bin", "initdb"))
                && Files.isExecutable(Path.of("/usr/sbin/runuser")) && Files.isExecutable(Path.of("/usr/bin/openssl"))
                && "root".equals(System.getProperty("user.name"));
    }

    static PrivateCluster start(String password) throws Exception {
        Path dir = Files.createTempDirectory("krypton-pg-private");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrivateCluster cluster = new PrivateCluster(dir, Path.of("/usr/lib/postgresql", PostgresServer.version(), "bin"), port);
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
        Path pw = Files.writeString(dir.resolve("pw"), password + "\n");
        Files.setOwner(pw, postgres);
        cluster.certificate("server", "127.0.0.1");
        cluster.certificate("other", "127.0.0.1");
        Path data = dir.resolve("data");
        asPostgres(cluster.bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--no-sync");
        Files.writeString(data.resolve("pg_hba.conf"),
                "local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n");
        asPostgres(cluster.bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c ssl=on -c ssl_cert_file=" + dir.resolve("server.crt")
                        + " -c ssl_key_file=" + dir.resolve("server.key"), "start");
        return cluster;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String where() {
        return "127.0.0.1:" + port + "/postgres";
    }

    Path certificate() {
        return dir.resolve("server.crt");
    }

    Path otherCertificate() {
        return dir.resolve("other.crt");
    }

    private void certificate(String name, String ip) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path crt = dir.resolve(name + ".crt");
        run(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "2", "-subj", "/CN=" + ip, "-addext", "subjectAltName=IP:" + ip,
                "-keyout", key.toString(), "-out", crt.toString()));
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(key, postgres);
        Files.setOwner(crt, postgres);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    /** Restarts the server with a fast shutdown (sessions ended, clean checkpoint) and waits until it accepts connections. */
    void restart() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "restart");
    }

    /** Stops the server at once and deletes everything it wrote. */
    void stop() throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s exit code", command).isZero();
    }
}
