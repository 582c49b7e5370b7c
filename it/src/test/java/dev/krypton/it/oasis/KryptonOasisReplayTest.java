package dev.krypton.it.oasis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.it.KryptonServer;
import dev.krypton.it.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every OASIS KMIP 1.4 and 2.1 profile test case replayed against the Krypton server over mutual
 * TLS, as tenant principal {@code acme}. The asserted pass counts are the ones observed; they may
 * only go up (a regression fails this test). The table with every failure's reason is printed and
 * written to {@code target/oasis-krypton.md}.
 */
class KryptonOasisReplayTest {
    static final Map<String, Long> OBSERVED_PASSES = Map.of(
            "v1.4 CS-BC", 17L, "v1.4 CS-RNG", 1L, "v1.4 SKFF", 12L, "v1.4 SKLC", 3L,
            "v2.1 BL", 13L, "v2.1 CS-BC", 21L, "v2.1 CS-RNG", 1L, "v2.1 SKFF", 12L, "v2.1 SKLC", 3L);

    @TempDir
    Path dir;

    @Test
    void replaysBothVersionsAgainstKrypton() throws Exception {
        TestPki pki = TestPki.create(dir, List.of("acme"));
        OasisReplay.Results results;
        try (var server = KryptonServer.start(pki)) {
            var runner = new CaseRunner("127.0.0.1", server.port(), pki.clientTls("acme"));
            results = OasisReplay.run(runner, testCase -> Optional.empty());
        }
        System.out.println(OasisReplay.writeTable(results, "Krypton (in-process, memory storage, fake root keys)", "krypton"));
        OBSERVED_PASSES.forEach((profile, passes) ->
                assertThat(results.passedByProfile().getOrDefault(profile, 0L)).as(profile).isGreaterThanOrEqualTo(passes));
    }
}
