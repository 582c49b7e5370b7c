package dev.krypton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.bench.BenchOptions;
import dev.krypton.bench.Main;
import dev.krypton.testsupport.PyKmipServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke run of the load generator's shared CBC workload against the real PyKMIP server. */
class BenchAgainstPyKmipTest {
    @TempDir
    Path dir;

    @Test
    void cbcDecryptWorkloadRunsWithoutErrorsAndReportsPercentiles() throws Exception {
        PyKmipServer.assumePyKmipInstalled();
        TestPki pki = TestPki.create(dir, List.of("bench"));
        var printed = new ByteArrayOutputStream();
        try (var server = PyKmipServer.start(pki.cert("server"), pki.key("server"), pki.caCert(), dir)) {
            var options = BenchOptions.parse("--port=" + server.port(), "--cert=" + pki.cert("bench"), "--key=" + pki.key("bench"),
                    "--ca=" + pki.caCert(), "--workload=cbc-decrypt", "--connections=2", "--batch=2", "--kmip=1.2",
                    "--tls12-only=true", "--warmup=0", "--duration=2");
            var result = Main.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(result.errors()).isZero();
            assertThat(result.operations()).isPositive();
            assertThat(result.latencyNanos().getTotalCount()).isEqualTo(result.operations());
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("workload=cbc-decrypt", "batch=2", "p99.9=", "errors=0");
    }
}
