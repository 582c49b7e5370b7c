package dev.krypton.it.pykmip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.it.TestPki;
import dev.krypton.testsupport.PyKmipServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pykmip/gateway_flow.py}: the PyKMIP client ({@code kmip.pie.client.ProxyKmipClient},
 * /usr/bin/python3) with a client certificate, as a gateway built on it would. Returns the JSON
 * object the script prints: each step's result, or {@code <step>_error} with the KMIP Result Reason.
 */
final class PyKmipGateway {
    private final Path script;
    private final TestPki pki;

    PyKmipGateway(Path dir, TestPki pki) throws IOException {
        this.pki = pki;
        this.script = dir.resolve("gateway_flow.py");
        try (InputStream in = PyKmipGateway.class.getResourceAsStream("/pykmip/gateway_flow.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** Runs the script as principal {@code name} ("owner"/"cbc" modes, or "intruder" with the victim's id). */
    JsonNode run(int port, String name, String mode, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PyKmipServer.PYTHON, script.toString(), "127.0.0.1",
                String.valueOf(port), pki.cert(name).toString(), pki.key(name).toString(), pki.caCert().toString(), mode));
        command.addAll(List.of(extra));
        Path out = script.resolveSibling(name + "-" + mode + ".out");
        Path err = script.resolveSibling(name + "-" + mode + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("PyKMIP client failed: " + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            p.destroyForcibly();
        }
        return new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    }
}
