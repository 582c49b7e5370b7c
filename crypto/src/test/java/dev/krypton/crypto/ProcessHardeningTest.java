package dev.krypton.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hardening changes the whole process, so it runs in a child JVM inspected through /proc. */
class ProcessHardeningTest {

    @Test
    void disablingCoreDumpsSetsTheCoreLimitToZeroAndMakesTheProcessNotDumpable() throws Exception {
        try (ChildJvm child = new ChildJvm(HardeningChild.class, "production")) {
            assertThat(child.await("STATUS")).isEqualTo("STATUS true 0 0");
            assertThat(coreLimitLine(child.pid())).matches("Max core file size\\s+0\\s+0\\s+bytes\\s*");
            child.send("done");
        }
    }

    @Test
    void debugModeLeavesCoreDumpsOnAndSaysSo() throws Exception {
        try (ChildJvm child = new ChildJvm(HardeningChild.class, "debug")) {
            assertThat(child.await("STATUS")).startsWith("STATUS false 1 ");
            child.send("done");
        }
    }

    private static String coreLimitLine(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                .filter(l -> l.startsWith("Max core file size")).findFirst().orElseThrow();
    }
}
