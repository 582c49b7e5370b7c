package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.tck.Failures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A wrong password against a real server that checks passwords: the shared test server trusts
 * every local connection, so this test starts a private throw-away cluster with
 * scram-sha-256 authentication on a free port (initdb as the postgres user), and removes it after.
 */
class PostgresPasswordTest {

    @Test
    void aWrongPasswordIsOneSentenceAndTheRightOneOpens() throws Exception {
        String version = PostgresServer.version();
        Path bin = Path.of("/usr/lib/postgresql", version, "bin");
        assumeTrue(!version.isEmpty() && Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && "root".equals(System.getProperty("user.name")), "needs root and the PostgreSQL server binaries to start a private cluster");
        Path dir = Files.createTempDirectory("krypton-pg-auth");
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
        Path pw = Files.writeString(dir.resolve("pw"), "right-password\n");
        Files.setOwner(pw, postgres);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("data");
        try {
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=scram-sha-256",
                    "--pwfile=" + pw, "-E", "UTF8", "--no-sync");
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            StorageException e = Failures.expect(StorageException.Kind.CONFIG, () -> StorageProviders.open(new StorageConfig(
                    "postgres", Map.of("url", url, "user", "postgres", "password", "wrong-password", "sslmode", "disable"))));
            assertThat(e.getMessage()).isEqualTo("PostgreSQL at 127.0.0.1:" + port + "/postgres rejected the password of user 'postgres'.");
            assertThat(e.getMessage()).doesNotContain("wrong-password");
            try (Storage store = StorageProviders.open(new StorageConfig("postgres",
                    Map.of("url", url, "user", "postgres", "password", "right-password", "sslmode", "disable")))) {
                assertThat(store.tenant("acme")).isEmpty();
            }
        } finally {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s exit code", command[0]).isZero();
    }
}
