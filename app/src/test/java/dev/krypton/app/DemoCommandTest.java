package dev.krypton.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void demoRunsTheSovereignWorkflowAndNarratesEveryStepAsPassed(@TempDir Path dir) throws Exception {
        try (Child demo = Child.start(dir, "demo", "--tenant", "globex")) {
            assertThat(demo.exit(120)).isZero();
            List<String> out = demo.output();
            assertThat(out).filteredOn(l -> l.startsWith("[ ok ]")).hasSize(12);
            assertThat(out).noneMatch(l -> l.startsWith("[FAIL]"));
            assertThat(out).anyMatch(l -> l.contains("link tenant") && l.contains("SYSTEM_LINK DONE, tenant ACTIVE"));
            assertThat(out).anyMatch(l -> l.contains("unlink tenant: the kill switch") && l.contains("tenant UNLINKED"));
            assertThat(out).anyMatch(l -> l.contains("unwrap now fails") && l.contains("refused as expected: PERMISSION_DENIED"));
            assertThat(out).anyMatch(l -> l.contains("unwrap works again") && l.contains("unwrapped to their original bytes"));
            assertThat(out).anyMatch(l -> l.contains("destroy tenant") && l.contains("tenant DESTROYED"));
            assertThat(out).anyMatch(l -> l.contains("(KMIP Create)") && l.contains("KEK version globex:payments:1"));
            assertThat(out).anyMatch(l -> l.contains("rotate the KEK (KMIP ReKey)") && l.contains("new version globex:payments:2"));
            assertThat(out).anyMatch(l -> l.matches(".*\\d+\\.\\d{2} ms.*"));
            assertThat(out.getLast()).isEqualTo("Demo passed: all 12 steps behaved as expected.");
        }
    }
}
