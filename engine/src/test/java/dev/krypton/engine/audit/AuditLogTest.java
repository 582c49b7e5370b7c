package dev.krypton.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private final KeyPair keys = AuditKeys.generate();
    private Path log;

    @BeforeEach
    void writeLog() {
        log = dir.resolve("audit.jsonl");
        try (AuditLog a = AuditLog.open(log, keys, new AuditOptions(16, 1024, 10, Duration.ofHours(1), true),
                Clock.systemUTC())) {
            for (int i = 0; i < 35; i++) {
                a.record(new AuditEvent(AuditKind.OPERATION, "gw-" + i, "acme", "acme:k:1", "decrypt", "ok",
                        "quote \" and newline \n and tab \t"));
            }
            a.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", "acme", "", "unlink", "ok", ""));
        }
    }

    private AuditVerification verify() {
        return new AuditVerifier(keys.getPublic()).verify(log);
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private void rewrite(List<String> lines) throws IOException {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void withACommitDelayEventsStillChainAndADurableCallerFindsEveryEarlierEventOnDisk() throws IOException {
        Path delayed = log.resolveSibling("delayed.log");
        try (AuditLog a = AuditLog.open(delayed, keys, new AuditOptions(16, 1024, 10, Duration.ofHours(1), true,
                Duration.ofSeconds(1)), Clock.systemUTC())) {
            for (int i = 0; i < 40; i++) {
                a.record(new AuditEvent(AuditKind.OPERATION, "gw-" + i, "acme", "acme:k:1", "decrypt", "ok", ""));
            }
            a.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", "acme", "", "unlink", "ok", ""));
            List<String> written = Files.readAllLines(delayed, StandardCharsets.UTF_8);
            assertThat(written).anyMatch(l -> l.contains("\"actor\":\"gw-39\"")).anyMatch(l -> l.contains("\"unlink\""));
        }
        AuditVerification v = new AuditVerifier(keys.getPublic()).verify(delayed);
        assertThat(v.sealed()).as(v.toString()).isTrue();
        assertThat(v.lines()).isEqualTo(41 + v.checkpoints());
    }

    @Test
    void untouchedLogIsIntactAndSealedWithPeriodicCheckpoints() {
        AuditVerification v = verify();
        assertThat(v.sealed()).as(v.toString()).isTrue();
        assertThat(v.checkpoints()).as("one at least every 10 + 15 events (batches of up to 16), sealed at close")
                .isGreaterThanOrEqualTo(2);
        assertThat(v.lines()).isEqualTo(36 + v.checkpoints());
    }

    @Test
    void reopeningContinuesTheChain() {
        try (AuditLog a = AuditLog.open(log, keys, AuditOptions.defaults(), Clock.systemUTC())) {
            a.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", "acme", "", "link", "ok", ""));
        }
        assertThat(verify().sealed()).isTrue();
    }

    @Test
    void editedLineIsDetected() throws IOException {
        List<String> l = lines();
        l.set(5, l.get(5).replace("\"result\":\"ok\"", "\"result\":\"PERMISSION_DENIED\""));
        rewrite(l);
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problemLine()).isEqualTo(7);
    }

    @Test
    void editedLastLineIsDetectedByItsSignature() throws IOException {
        List<String> l = lines();
        int last = l.size() - 1;
        l.set(last, l.get(last).replace("\"ts\":\"", "\"ts\":\"1"));
        rewrite(l);
        assertThat(verify().intact()).isFalse();
    }

    @Test
    void removedLineIsDetected() throws IOException {
        List<String> l = lines();
        l.remove(3);
        rewrite(l);
        assertThat(verify().intact()).isFalse();
        assertThat(verify().problemLine()).isEqualTo(4);
    }

    @Test
    void insertedLineIsDetected() throws IOException {
        List<String> l = lines();
        l.add(8, l.get(8));
        rewrite(l);
        assertThat(verify().intact()).isFalse();
    }

    @Test
    void reorderedLinesAreDetected() throws IOException {
        List<String> l = lines();
        Collections.swap(l, 2, 3);
        rewrite(l);
        assertThat(verify().intact()).isFalse();
    }

    @Test
    void rewrittenChainWithoutTheKeyFailsTheSignatures() throws IOException {
        List<String> l = lines();
        List<String> forged = new ArrayList<>();
        String prev = AuditLine.GENESIS;
        for (String line : l) {
            String fixed = line.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"")
                    .replace("gw-1\"", "gw-X\"");
            forged.add(fixed);
            prev = AuditLine.hash(fixed);
        }
        rewrite(forged);
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("checkpoint");
    }

    @Test
    void truncatedTailAfterLastCheckpointIsReportedAsUnsealed() throws IOException {
        List<String> l = lines();
        l.remove(l.size() - 1);
        rewrite(l);
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.sealed()).isFalse();
        assertThat(v.uncovered()).isPositive();
    }

    @Test
    void verifyingWithAnotherKeyFails() {
        AuditVerification v = new AuditVerifier(AuditKeys.generate().getPublic()).verify(log);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("another key");
    }

    @Test
    void keysSurviveReloadFromDisk() {
        KeyPair stored = AuditKeys.loadOrCreate(dir.resolve("keys"));
        KeyPair again = AuditKeys.loadOrCreate(dir.resolve("keys"));
        assertThat(again.getPublic().getEncoded()).isEqualTo(stored.getPublic().getEncoded());
        assertThat(AuditKeys.readPublic(dir.resolve("keys").resolve(AuditKeys.PUBLIC_FILE)).getEncoded())
                .isEqualTo(stored.getPublic().getEncoded());
    }
}
