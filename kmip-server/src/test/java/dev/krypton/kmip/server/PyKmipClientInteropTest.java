package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real KMIP client nobody here wrote: the PyKMIP 0.10 ProxyKmipClient (Debian python3-pykmip,
 * run with /usr/bin/python3) discovers versions, queries, creates, locates, activates, wraps and unwraps a DEK with
 * NISTKeyWrap, revokes and destroys over mutual TLS, and is refused another tenant's KEK.
 * Skipped where PyKMIP is not installed.
 */
class PyKmipClientInteropTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static boolean pyKmipInstalled() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import kmip.pie.client").redirectErrorStream(true).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void pyKmipClientRunsTheKeyLifecycleAndCannotTouchAnotherTenant(@TempDir Path dir) throws Exception {
        assumeTrue(pyKmipInstalled(), "python3-pykmip not installed");
        try (var fixture = new ServerFixture()) {
            String foreign = KekOperationsTest.createKek(fixture.client("globex"), "theirs");
            TestPki.Issued acme = fixture.pki.client("acme");
            Files.writeString(dir.resolve("client.pem"), pem("CERTIFICATE", acme.certificate().getEncoded()));
            Files.writeString(dir.resolve("client.key"), pem("PRIVATE KEY", acme.key().getEncoded()));
            Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", fixture.pki.ca().getEncoded()));
            Path script = dir.resolve("pykmip_client.py");
            try (var in = getClass().getResourceAsStream("/pykmip_client.py")) {
                Files.copy(in, script);
            }
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(fixture.server.port()),
                    dir.resolve("client.pem").toString(), dir.resolve("client.key").toString(), dir.resolve("ca.pem").toString(),
                    foreign).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            String uid = lines.stream().filter(l -> l.startsWith("create ")).findFirst().orElseThrow().substring(7);
            assertThat(uid).startsWith("acme:");
            assertThat(lines).contains("versions 7", "query Krypton 19", "locate " + uid, "state ACTIVE", "wrapped 40", "unwrapped True", "destroyed " + uid)
                    .anyMatch(l -> l.startsWith("foreign refused") && l.contains("PERMISSION_DENIED"));
        }
    }
}
