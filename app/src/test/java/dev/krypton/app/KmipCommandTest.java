package dev.krypton.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.storage.tck.Residue;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code krypton kmip ...} against one real dev node (started once for the class, as a child process). */
class KmipCommandTest {

    @TempDir
    static Path dir;
    private static Child dev;
    private static Path data;
    private static int kmipPort;
    private static int httpsPort;
    private static int grpcPort;

    @BeforeAll
    static void startNode() throws Exception {
        data = dir.resolve("node");
        dev = Child.start(dir, "dev", "--data-dir", data.toString(), "--kmip-port", "0", "--grpc-port", "0", "--admin-port", "0",
                "--kmip-https-port", "0", "--log-format", "json");
        dev.await("Krypton development node is ready.", 60);
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(dev.await("KMIP", 5));
        assertThat(m.find()).isTrue();
        kmipPort = Integer.parseInt(m.group(1));
        Matcher h = Pattern.compile("127\\.0\\.0\\.1:(\\d+)/kmip").matcher(dev.await("KMIP HTTPS", 5));
        assertThat(h.find()).isTrue();
        httpsPort = Integer.parseInt(h.group(1));
        Matcher g = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(dev.await("Orbital gRPC", 5));
        assertThat(g.find()).isTrue();
        grpcPort = Integer.parseInt(g.group(1));
        Run linked = krypton("task", "link", "--tenant", "acme", "--key-id", "acme-root", "--data-dir", data.toString(),
                "--port", g.group(1));
        assertThat(linked.code).as(linked.toString()).isZero();
    }

    @AfterAll
    static void stopNode() throws Exception {
        dev.terminate();
        assertThat(dev.exit(30)).isZero();
        dev.close();
    }

    /**
     * Crypto-shred on the running node: after {@code krypton task destroy} (Orbital KEY_DELETE over
     * gRPC) is answered DONE, no 16-byte piece of the tenant's wrapped L2 or of any wrapped L3
     * version is left in {@code krypton.db}, {@code -wal} or {@code -shm}, while the node still
     * runs; with the root-key file beside them, any such copy would give the keys back. Each is
     * found there before the destroy. Its own tenant, so the other tests keep {@code acme}.
     */
    @Test
    void destroyTaskLeavesNoWrappedKeyOfTheTenantInTheRunningNodesFiles() throws Exception {
        Run linked = krypton("task", "link", "--tenant", "shred", "--key-id", "shred-root", "--data-dir", data.toString(),
                "--port", String.valueOf(grpcPort));
        assertThat(linked.code).as(linked.toString()).isZero();
        assertThat(kmip("create-kek", "a", "--tenant", "shred").code).isZero();
        assertThat(kmip("create-kek", "b", "--tenant", "shred").code).isZero();
        assertThat(kmip("rekey", "shred:a:1").out.strip()).isEqualTo("shred:a:2");
        Path db = data.resolve("krypton.db");
        List<byte[]> material = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet r = s.executeQuery("SELECT wrapped_l2 FROM tenants WHERE tenant_id = 'shred'")) {
                r.next();
                byte[] l2 = r.getBytes(1);
                material.add(java.util.Arrays.copyOfRange(l2, l2.length - 48, l2.length));
            }
            try (java.sql.ResultSet r = s.executeQuery("SELECT wrapped_blob FROM objects WHERE tenant_id = 'shred'")) {
                while (r.next()) {
                    material.add(r.getBytes(1));
                }
            }
        }
        assertThat(material).as("the L2's ciphertext and three L3 versions").hasSize(4);
        for (byte[] m : material) {
            assertThat(Residue.find(Residue.files(db), m)).as("found before the destroy").isNotEmpty();
        }

        Run destroyed = krypton("task", "destroy", "--tenant", "shred", "--data-dir", data.toString(),
                "--port", String.valueOf(grpcPort));
        assertThat(destroyed.code).as(destroyed.toString()).isZero();

        for (byte[] m : material) {
            assertThat(Residue.find(Residue.files(db), m)).as("left in the node's files after DONE").isEmpty();
        }
    }

    @Test
    void queryNamesTheOperationsInTextAndJson() throws Exception {
        Run text = kmip("query");
        assertThat(text.code).as(text.toString()).isZero();
        assertThat(text.out).contains("operations", "Encrypt", "Re-key", "Symmetric Key");
        Run json = kmip("query", "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out);
        assertThat(doc.get("operations").toString()).contains("\"Decrypt\"");
    }

    @Test
    void kekLifecycleCreateLocateEncryptDecryptRekeyNeverPrintsKeyMaterial() throws Exception {
        Run created = kmip("create-kek", "payments", "--tenant", "acme");
        assertThat(created.code).as(created.toString()).isZero();
        assertThat(created.out.strip()).isEqualTo("acme:payments:1");

        Run located = kmip("locate", "--kek", "--name", "payments", "--json");
        assertThat(new ObjectMapper().readTree(located.out).get("uniqueIdentifiers").toString()).isEqualTo("[\"acme:payments:1\"]");

        byte[] dek = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Run wrapped = kmip("encrypt", "acme:payments:1", "--hex", HexFormat.of().formatHex(dek), "--aad", "cafe");
        assertThat(wrapped.code).as(wrapped.toString()).isZero();
        Map<String, String> fields = fields(wrapped.out);
        assertThat(fields.keySet()).containsExactly("key", "data", "iv", "tag");
        assertThat(fields.get("data")).hasSize(64).isNotEqualTo(HexFormat.of().formatHex(dek));

        Path plain = dir.resolve("plain-" + System.nanoTime());
        Run unwrapped = kmip("decrypt", "acme:payments:1", "--hex", fields.get("data"), "--iv", fields.get("iv"),
                "--tag", fields.get("tag"), "--aad", "cafe", "--out", plain.toString());
        assertThat(unwrapped.code).as(unwrapped.toString()).isZero();
        assertThat(unwrapped.out).contains("decrypted 32 bytes").doesNotContain(HexFormat.of().formatHex(dek));
        assertThat(Files.readAllBytes(plain)).isEqualTo(dek);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain))).isEqualTo("rw-------");

        Path wrapFile = dir.resolve("wrap-input");
        Files.write(wrapFile, dek);
        Run keyWrapped = kmip("encrypt", "acme:payments:1", "--in", wrapFile.toString(), "--mode", "nist-key-wrap", "--json");
        assertThat(keyWrapped.code).as(keyWrapped.toString()).isZero();
        String ciphertext = new ObjectMapper().readTree(keyWrapped.out).get("data").asText();
        assertThat(ciphertext).hasSize(80);

        Run rekeyed = kmip("rekey", "acme:payments:1");
        assertThat(rekeyed.out.strip()).isEqualTo("acme:payments:2");
        Path again = dir.resolve("again-" + System.nanoTime());
        Run oldVersion = kmip("decrypt", "acme:payments:1", "--base64",
                java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ciphertext)), "--mode", "nist-key-wrap",
                "--out", again.toString());
        assertThat(oldVersion.code).as(oldVersion.toString()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(dek);

        Run refused = kmip("encrypt", "acme:payments:1", "--hex", "00");
        assertThat(refused.code).as("encrypt with a deactivated version").isEqualTo(Main.KMIP_ERROR);
        assertThat(refused.err).contains("KMIP Operation Failed");
        for (Run r : List.of(created, located, wrapped, unwrapped, keyWrapped, rekeyed, oldVersion, refused)) {
            assertThat(r.out + r.err).doesNotContain(HexFormat.of().formatHex(dek));
        }
    }

    @Test
    void wrongTagIsAKmipErrorAndNothingIsWritten() {
        kmip("create-kek", "tagged", "--tenant", "acme");
        Path out = dir.resolve("never");
        Run r = kmip("decrypt", "acme:tagged:1", "--hex", "00112233445566778899aabbccddeeff", "--iv", "000000000000000000000000",
                "--tag", "00000000000000000000000000000000", "--out", out.toString());
        assertThat(r.code).isEqualTo(Main.KMIP_ERROR);
        assertThat(r.err).contains("Cryptographic Failure");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void noServerIsAConnectionFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = krypton("kmip", "query", "--data-dir", data.toString(), "--port", String.valueOf(closed), "--timeout-ms", "5000");
        assertThat(r.code).as(r.toString()).isEqualTo(Main.UNREACHABLE);
        assertThat(r.err).contains("cannot connect");
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(krypton("kmip").code).isEqualTo(Main.USAGE);
        assertThat(kmip("encrypt", "acme:x:1").code).as("no data").isEqualTo(Main.USAGE);
        assertThat(kmip("encrypt", "acme:x:1", "--hex", "00", "--base64", "AA==").code).as("two inputs").isEqualTo(Main.USAGE);
        assertThat(kmip("encrypt", "acme:x:1", "--hex", "zz").code).as("not hex").isEqualTo(Main.USAGE);
        assertThat(kmip("create-kek", "no spaces").code).isEqualTo(Main.USAGE);
        assertThat(kmip("decrypt", "acme:x:1", "--hex", "00").code).as("no --out").isEqualTo(Main.USAGE);
        Run noPki = krypton("kmip", "query", "--data-dir", dir.resolve("nowhere").toString());
        assertThat(noPki.code).isEqualTo(Main.USAGE);
        assertThat(noPki.err).contains("run krypton dev");
    }

    @Test
    void devNodeServesKmipOverHttpsInJson() throws Exception {
        Path pki = data.resolve("pki");
        SSLContext tls = TlsSettings.fromPem(pki.resolve("krypton-gateway.pem"), pki.resolve("krypton-gateway.key"),
                pki.resolve("ca.pem")).context();
        String query = """
                {"tag": "RequestMessage", "value": [
                  {"tag": "RequestHeader", "value": [
                    {"tag": "ProtocolVersion", "value": [
                      {"tag": "ProtocolVersionMajor", "type": "Integer", "value": 1},
                      {"tag": "ProtocolVersionMinor", "type": "Integer", "value": 4}]},
                    {"tag": "BatchCount", "type": "Integer", "value": 1}]},
                  {"tag": "BatchItem", "value": [
                    {"tag": "Operation", "type": "Enumeration", "value": "Query"},
                    {"tag": "RequestPayload", "value": [
                      {"tag": "QueryFunction", "type": "Enumeration", "value": "QueryOperations"}]}]}]}
                """;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/kmip"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"ResponseMessage\"", "\"Success\"", "\"ReKey\"");
        }
    }

    @Test
    void logIsJsonLinesAndARefusedHandshakeIsASecurityEventWithFields() throws Exception {
        SSLContext anonymous = SSLContext.getInstance("TLS");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(data.resolve("pki/ca.pem"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        anonymous.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) anonymous.getSocketFactory().createSocket("127.0.0.1", kmipPort)) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            socket.getOutputStream().write(new byte[8]);
            socket.getInputStream().read();
        } catch (IOException expected) {
            // refused without a client certificate
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode event = null;
        long end = System.nanoTime() + 20_000_000_000L;
        while (event == null && System.nanoTime() < end) {
            for (String line : stderrLines()) {
                JsonNode doc = json.readTree(line);
                if (doc.path("event").asText().equals("kmip-tls-refused")) {
                    event = doc;
                }
            }
            Thread.sleep(100);
        }
        assertThat(event).as("security event in %s", stderrLines()).isNotNull();
        assertThat(event.get("level").asText()).isEqualTo("WARNING");
        assertThat(event.get("logger").asText()).isEqualTo("dev.krypton.kmip.server.Admission");
        assertThat(event.get("peer").asText()).contains("127.0.0.1");
        assertThat(event.has("reason")).isTrue();
        List<String> lines = stderrLines();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"message\":\"KMIP server listening on 127.0.0.1:"));
        for (String line : lines) {
            JsonNode doc = json.readTree(line);
            assertThat(doc.isObject()).as(line).isTrue();
            assertThat(doc.fieldNames()).toIterable().as(line).contains("time", "level", "logger", "message");
        }
    }

    private static List<String> stderrLines() throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("stderr-")).toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(out::add);
            }
        }
        return out;
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] kv = line.split(" ", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static Run kmip(String... args) {
        List<String> all = new ArrayList<>(List.of("kmip"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--port", String.valueOf(kmipPort)));
        return krypton(all.toArray(String[]::new));
    }

    private static Run krypton(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
