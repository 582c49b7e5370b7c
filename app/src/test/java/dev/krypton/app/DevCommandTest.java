package dev.krypton.app;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevCommandTest {

    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void devNodeServesKmipAndOrbitalOverMutualTlsAndAdminHttpAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("node");
        int kmipPort;
        int grpc;
        int admin;
        try (Child dev = Child.start(dir, "dev", "--data-dir", data.toString(), "--kmip-port", "0", "--grpc-port", "0",
                "--admin-port", "0")) {
            dev.await("Krypton development node is ready.", 60);
            kmipPort = port(dev.await("KMIP", 5));
            grpc = port(dev.await("Orbital gRPC", 5));
            admin = port(dev.await("admin HTTP", 5));
            Path pki = data.resolve("pki");

            TaskResponse linked = send(grpc, pki, "krypton-orbital", "SYSTEM_LINK", "--key-id", "acme-root");
            assertThat(linked.getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(Files.exists(data.resolve("root-keys/acme-root.key"))).isTrue();
            KmipClient client = KmipClient.open(ClientConfig.of("localhost", kmipPort, TlsSettings.fromPem(
                    pki.resolve("krypton-gateway.pem"), pki.resolve("krypton-gateway.key"), pki.resolve("ca.pem"))));
            KmipOperations kmip = new KmipOperations(client);
            String kek = kmip.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("orders"),
                    Attribute.objectGroup("kek"), Attribute.objectGroup("acme"))).uniqueIdentifier();
            assertThat(kek).isEqualTo("acme:orders:1");
            var gcm = CryptographicParameters.aesGcm(16);
            var wrapped = kmip.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
            assertThat(kmip.decrypt(kek, gcm, wrapped.data().orElseThrow(), wrapped.ivCounterNonce(), Optional.empty(),
                    wrapped.tag()).toByteArray()).isEqualTo(new byte[32]);
            assertThatThrownBy(() -> send(grpc, pki, "krypton-gateway", "SYSTEM_UNLINK"))
                    .isInstanceOf(OrbitalException.class).hasMessageContaining("PERMISSION_DENIED");

            assertThat(get(admin, "/healthz")).isEqualTo("200 ok\n");
            assertThat(get(admin, "/readyz")).isEqualTo("200 ready\n");
            assertThat(get(admin, "/status")).contains("\"tenant\" : \"acme\"", "\"state\" : \"ACTIVE\"", "\"reachable\" : true",
                    "\"coreDumpsDisabled\" : true");
            assertThat(get(admin, "/status/startup")).startsWith("200 ").contains("\"complete\" : true", "\"total\" : 0",
                    "\"failed\" : 0");
            assertThat(get(admin, "/status")).as("the kill-switch path was warmed up at start")
                    .contains("\"startup\" : {", "\"killSwitchRounds\" : 5", "\"killSwitchMillis\" : ");
            assertThat(get(admin, "/metrics")).contains("krypton_startup_unseal_tenants{outcome=\"pending\"} 0",
                    "krypton_startup_unseal_tenants{outcome=\"failed\"} 0");
            assertThat(get(admin, "/metrics")).contains("krypton_tenants{state=\"ACTIVE\"} 1",
                    "krypton_tenants{state=\"UNLINKED\"} 0", "krypton_storage_up 1",
                    "krypton_audit_events_total{kind=\"COMMAND\",action=\"SYSTEM_LINK\",result=\"DONE\"} 1",
                    "krypton_kmip_operations_total{operation=\"Decrypt\",result=\"Success\"} 1",
                    "krypton_kmip_request_duration_seconds_bucket{operation=\"Create\",le=\"+Inf\"} 1",
                    "krypton_kmip_request_duration_seconds_count{operation=\"Encrypt\"} 1");
            String metrics = get(admin, "/metrics");
            Matcher used = Pattern.compile("krypton_[a-z_]+").matcher(Files.readString(Path.of("..", "packaging",
                    "grafana-dashboard.json")) + Files.readString(Path.of("..", "docs", "architecture.md")));
            while (used.find()) {
                assertThat(metrics).as("metric named in the dashboard or docs").contains(used.group() + (used.group().endsWith("_total") ? "{" : ""));
            }
            StringWriter status = new StringWriter();
            assertThat(Main.run(new String[] {"status", "--admin-port", String.valueOf(admin)}, new PrintWriter(status),
                    new PrintWriter(new StringWriter()))).isZero();
            assertThat(status.toString()).contains("\"tenant\" : \"acme\"", "ready: ready");

            assertThat(send(grpc, pki, "krypton-orbital", "SYSTEM_UNLINK").getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(get(admin, "/metrics")).contains("krypton_tenants{state=\"UNLINKED\"} 1");
            assertThatThrownBy(() -> kmip.decrypt(kek, gcm, wrapped.data().orElseThrow(), wrapped.ivCounterNonce(),
                    Optional.empty(), wrapped.tag())).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
            client.close();

            dev.terminate();
            assertThat(dev.exit(30)).isZero();
            assertThat(dev.output()).contains("krypton dev: stopped");
        }
        Path log = data.resolve("audit.log");
        Path key = data.resolve("audit/audit-signing.pub");
        String last = Child.lastAuditCheckpoint(dir);
        assertThat(krypton("audit", "verify", log.toString(), "--public-key", key.toString(),
                "--expect-checkpoint", last)).isZero();
        String text = Files.readString(log);
        Files.writeString(log, text.replaceFirst("SYSTEM_LINK", "SYSTEM_LUNK"), StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(krypton("audit", "verify", log.toString(), "--public-key", key.toString(),
                "--expect-checkpoint", last)).isEqualTo(1);
    }

    private static int krypton(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static int port(String line) {
        Matcher m = PORT.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static TaskResponse send(int port, Path pki, String client, String type, String... extra) {
        String[] base = {"grpc", "--host", "127.0.0.1", "--port", String.valueOf(port), "--ca", pki.resolve("ca.pem").toString(),
                "--cert", pki.resolve(client + ".pem").toString(), "--key", pki.resolve(client + ".key").toString(),
                "--type", type, "--tenant", "acme", "--provider", "local", "--timeout-ms", "20000"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return TaskClient.run(all);
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
