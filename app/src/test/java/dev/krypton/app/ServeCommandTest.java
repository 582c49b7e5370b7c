package dev.krypton.app;

import dev.krypton.app.node.DevPki;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static String config(Path dir, DevPki pki, String extra) {
        return """
                storage:
                  settings:
                    path: %s
                policy:
                  file: %s
                tls:
                  certificate: %s
                  private-key: %s
                  client-ca: %s
                audit:
                  file: %s
                  key-folder: %s
                kmip:
                  port: 0
                orbital:
                  grpc:
                    port: 0
                admin:
                  port: 0
                """.formatted(dir.resolve("krypton.db"), dir.resolve("policy.yaml"), pki.cert(DevPki.SERVER),
                pki.key(DevPki.SERVER), pki.ca(), dir.resolve("audit.log"), dir.resolve("audit")) + extra;
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void configurationMistakesExitTwoWithOneLinePerMistake(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.yaml", "admin:\n  port: http\n  bind: x\n");
        assertThat(run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration has 6 mistake(s):",
                "bad.yaml:2: 'admin.port' must be a whole number from 0 to 65535, not 'http'",
                "bad.yaml:3: unknown key 'admin.bind'; known keys here: host, port",
                "missing required setting 'policy.file'");
    }

    @Test
    void missingConfigurationFileIsAUsageError(@TempDir Path dir) {
        assertThat(run("serve", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the configuration file");
    }

    @Test
    void productionRefusesDevelopmentCertificatesUnlessAllowed(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.init(dir.resolve("pki"));
        write(dir, "policy.yaml", "upstream: true\n");
        Path file = write(dir, "k.yaml", config(dir, pki, ""));
        assertThat(run("serve", "--config", file.toString(), "--check")).isEqualTo(2);
        assertThat(err.toString()).contains("tls.certificate:", "comes from the development CA of krypton dev");
        Path allowed = write(dir, "k2.yaml", config(dir, pki, "").replace("tls:\n", "tls:\n  allow-development-certificates: true\n"));
        assertThat(run("serve", "--config", allowed.toString(), "--check")).isZero();
    }

    @Test
    void aPerTenantMultiPartCapAboveTheGlobalOneIsRefused(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.init(dir.resolve("pki"));
        write(dir, "policy.yaml", "upstream: true\n");
        String base = config(dir, pki, "").replace("tls:\n", "tls:\n  allow-development-certificates: true\n");
        Path refused = write(dir, "refused.yaml", base.replace("kmip:\n",
                "kmip:\n  multi-part:\n    max-open: 8\n    max-open-per-tenant: 9\n"));
        assertThat(run("serve", "--config", refused.toString(), "--check")).isEqualTo(2);
        assertThat(err.toString()).contains("kmip.multi-part.max-open-per-tenant (9) must not exceed kmip.multi-part.max-open (8)");
        Path allowed = write(dir, "allowed.yaml", base.replace("kmip:\n",
                "kmip:\n  multi-part:\n    max-open: 8\n    max-open-per-tenant: 2\n"));
        assertThat(run("serve", "--config", allowed.toString(), "--check")).isZero();
    }

    @Test
    void productionRefusesTheLocalProviderUnlessAllowedAndServesWhenConfigured(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.init(dir.resolve("pki"));
        write(dir, "policy.yaml", "upstream: true\n");
        String base = config(dir, pki, "").replace("tls:\n", "tls:\n  allow-development-certificates: true\n");
        Path refused = write(dir, "refused.yaml", base);
        Path allowed = write(dir, "allowed.yaml", base.replace("kmip:\n  port: 0\n", "kmip:\n  port: 0\n  https:\n    enabled: true\n    port: 0\n")
                + "root-keys:\n  allow-local: true\n  local-folder: " + dir + "\nlogging:\n  format: json\n");
        assertThat(link(dir, pki, refused, "Krypton node is ready: KMIP on 127.0.0.1:")).isEqualTo(TaskStatus.FAILED);
        assertThat(link(dir, pki, allowed, ", KMIP HTTPS on 127.0.0.1:")).isEqualTo(TaskStatus.DONE);
        try (var files = java.nio.file.Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("stderr-")).sorted().toList();
            String jsonRun = java.nio.file.Files.readString(logs.getLast());
            assertThat(jsonRun).contains("{\"time\":", "\"message\":\"KMIP HTTPS endpoint listening on https://127.0.0.1:");
        }
    }

    /**
     * A node started by {@code krypton serve} under the usual umask 022: everything it creates is
     * readable by its user only, and its audit log verifies against the last checkpoint it logged,
     * while the same log cut back to its first checkpoint, or emptied, does not.
     */
    @Test
    void theFilesANodeCreatesAreOwnerOnlyAndItsAuditLogIsProvenToTheEnd(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.init(dir.resolve("pki"));
        write(dir, "policy.yaml", "upstream: true\n");
        Path config = write(dir, "owner.yaml", config(dir, pki, "").replace("tls:\n", "tls:\n  allow-development-certificates: true\n")
                + "root-keys:\n  allow-local: true\n  local-folder: " + dir + "\n");
        for (String type : List.of("SYSTEM_LINK", "SYSTEM_UNLINK")) {
            try (Child serve = Child.start(dir, "serve", "--config", config.toString())) {
                String ready = serve.await("Krypton node is ready", 60);
                Matcher m = Pattern.compile("Orbital gRPC on 127\\.0\\.0\\.1:(\\d+)").matcher(ready);
                assertThat(m.find()).isTrue();
                assertThat(TaskClient.run(new String[] {"grpc", "--host", "127.0.0.1", "--port", m.group(1),
                        "--ca", pki.ca().toString(), "--cert", pki.cert(DevPki.ORBITAL).toString(),
                        "--key", pki.key(DevPki.ORBITAL).toString(), "--type", type, "--tenant", "acme",
                        "--provider", "local", "--key-id", "acme-root"}).getStatus()).isEqualTo(TaskStatus.DONE);
                for (String name : List.of("krypton.db", "krypton.db-wal", "krypton.db-shm", "audit.log",
                        "audit/audit-signing.key")) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve(name)))).as(name).isEqualTo("rw-------");
                }
                if (type.equals("SYSTEM_LINK")) {
                    Matcher admin = Pattern.compile("admin HTTP on 127\\.0\\.0\\.1:(\\d+)").matcher(ready);
                    assertThat(admin.find()).isTrue();
                    assertTlsRefusalCounted(Integer.parseInt(m.group(1)), Integer.parseInt(admin.group(1)));
                    TaskResponse longId = TaskClient.run(new String[] {"grpc", "--host", "127.0.0.1", "--port", m.group(1),
                            "--ca", pki.ca().toString(), "--cert", pki.cert(DevPki.ORBITAL).toString(),
                            "--key", pki.key(DevPki.ORBITAL).toString(), "--type", "SYSTEM_UNLINK", "--tenant", "acme",
                            "--task-id", "x".repeat(600), "--timeout-ms", "20000"});
                    assertThat(longId.getStatus()).isEqualTo(TaskStatus.FAILED);
                    TaskResponse state = TaskClient.run(new String[] {"grpc", "--host", "127.0.0.1", "--port", m.group(1),
                            "--ca", pki.ca().toString(), "--cert", pki.cert(DevPki.ORBITAL).toString(),
                            "--key", pki.key(DevPki.ORBITAL).toString(), "--type", "TENANT_CONFIG", "--tenant", "acme"});
                    assertThat(state.getMetaDataMap()).containsEntry("krypton.tenant.state", "ACTIVE");
                }
                serve.terminate();
                assertThat(serve.exit(30)).isZero();
            }
        }
        Path log = dir.resolve("audit.log");
        String key = dir.resolve("audit/audit-signing.pub").toString();
        String last = Child.lastAuditCheckpoint(dir);
        assertThat(run("audit", "verify", log.toString(), "--public-key", key, "--expect-checkpoint", last)).isZero();
        assertThat(run("audit", "verify", log.toString(), "--public-key", key)).as("no expectation").isEqualTo(2);
        try (var files = Files.list(dir)) {
            String stderr = String.join("\n", files.filter(f -> f.getFileName().toString().startsWith("stderr-"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList());
            assertThat(stderr).contains("security event=grpc-tls-refused",
                    "task rejected: id=" + "x".repeat(128) + "... type=SYSTEM_UNLINK reason=taskId has 600 characters");
            assertThat(Files.readString(log)).contains("\"kind\":\"DENIAL\"", "taskId has 600 characters");
        }

        List<String> lines = Files.readAllLines(log);
        int first = 0;
        while (!lines.get(first).contains("\"kind\":\"CHECKPOINT\"")) {
            first++;
        }
        assertThat(first + 1).as("each run of the node ends with a checkpoint").isLessThan(lines.size());
        Files.writeString(log, String.join("\n", lines.subList(0, first + 1)) + "\n");
        assertThat(run("audit", "verify", log.toString(), "--public-key", key, "--expect-checkpoint", last)).isEqualTo(1);
        Files.writeString(log, "");
        assertThat(run("audit", "verify", log.toString(), "--public-key", key, "--expect-at-least", "1")).isEqualTo(1);
    }

    /** Bytes that are not TLS on the gRPC port: counted in the metrics and logged (to the node's stderr). */
    private static void assertTlsRefusalCounted(int grpcPort, int adminPort) throws Exception {
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", grpcPort)) {
            plain.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            plain.setSoTimeout(10_000);
            while (plain.getInputStream().read() >= 0) {
                // until the node closes the connection
            }
        }
        var http = java.net.http.HttpClient.newHttpClient();
        String metrics = "";
        // generous: the node notices the closed connection asynchronously, usually within milliseconds
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!metrics.contains("krypton_tls_refusals_total{listener=\"orbital-grpc\"} 1") && System.nanoTime() < deadline) {
            metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + adminPort
                    + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(50);
        }
        assertThat(metrics).contains("krypton_tls_refusals_total{listener=\"orbital-grpc\"} 1");
    }

    private static TaskStatus link(Path dir, DevPki pki, Path config, String expectedInReadyLine) throws Exception {
        try (Child serve = Child.start(dir, "serve", "--config", config.toString())) {
            String ready = serve.await("Krypton node is ready", 60);
            assertThat(ready).contains(expectedInReadyLine);
            Matcher m = Pattern.compile("Orbital gRPC on 127\\.0\\.0\\.1:(\\d+)").matcher(ready);
            assertThat(m.find()).isTrue();
            TaskStatus status = TaskClient.run(new String[] {"grpc", "--host", "127.0.0.1", "--port", m.group(1),
                    "--ca", pki.ca().toString(), "--cert", pki.cert(DevPki.ORBITAL).toString(),
                    "--key", pki.key(DevPki.ORBITAL).toString(), "--type", "SYSTEM_LINK", "--tenant", "acme",
                    "--provider", "local", "--key-id", "acme-root"}).getStatus();
            serve.terminate();
            assertThat(serve.exit(30)).isZero();
            return status;
        }
    }
}
