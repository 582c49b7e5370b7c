package dev.krypton.app;

import dev.krypton.app.node.DevPki;
import dev.krypton.orbital.client.TaskClient;
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
