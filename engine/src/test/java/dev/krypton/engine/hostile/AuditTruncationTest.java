package dev.krypton.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditExpectation;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import dev.krypton.engine.audit.AuditVerification;
import dev.krypton.engine.audit.AuditVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker with write access to the audit file does to hide events without the signing
 * key: cut the log back to a checkpoint, or empty it. The chain of what is left is valid, so only
 * what the operator kept outside the node (the checkpoint lines the node logs) can show it.
 */
class AuditTruncationTest {

    private static final Pattern CHECKPOINT = Pattern.compile("audit checkpoint (\\d+:[0-9a-f]{64})");

    @TempDir
    Path dir;

    private final KeyPair keys = AuditKeys.generate();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger(AuditLog.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Object[] p = r.getParameters();
            logged.add(p == null ? r.getMessage() : java.text.MessageFormat.format(r.getMessage(), p));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Path log;

    @BeforeEach
    void writeLog() {
        jul.addHandler(capture);
        log = dir.resolve("audit.log");
        try (AuditLog a = AuditLog.open(log, keys, new AuditOptions(16, 1024, 10, Duration.ofHours(1), true),
                Clock.systemUTC())) {
            for (int i = 0; i < 35; i++) {
                a.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", "acme", "", "unlink", "ok", "event " + i));
            }
        }
    }

    @AfterEach
    void removeCapture() {
        jul.removeHandler(capture);
    }

    private String lastLoggedCheckpoint() {
        String last = "";
        for (String line : logged) {
            Matcher m = CHECKPOINT.matcher(line);
            if (m.find()) {
                last = m.group(1);
            }
        }
        assertThat(last).as("the node logs each checkpoint it writes: %s", logged).isNotEmpty();
        return last;
    }

    private AuditVerification verify(AuditExpectation expected) {
        return new AuditVerifier(keys.getPublic()).verify(log, expected);
    }

    @Test
    void theWholeLogVerifiesAgainstTheLastCheckpointTheNodeLogged() {
        AuditVerification v = verify(AuditExpectation.checkpoint(lastLoggedCheckpoint()));
        assertThat(v.sealed()).as(v.summary()).isTrue();
        assertThat(v.endProven()).isTrue();
        assertThat(v.lastCheckpoint()).isEqualTo(lastLoggedCheckpoint());
    }

    @Test
    void aLogCutRightAfterAnEarlierCheckpointIsReportedTruncated() throws Exception {
        String expected = lastLoggedCheckpoint();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int firstCheckpoint = 0;
        while (!lines.get(firstCheckpoint).contains("\"kind\":\"CHECKPOINT\"")) {
            firstCheckpoint++;
        }
        Files.writeString(log, String.join("\n", lines.subList(0, firstCheckpoint + 1)) + "\n", StandardCharsets.UTF_8);

        AuditVerification v = verify(AuditExpectation.checkpoint(expected));

        assertThat(v.intact()).isFalse();
        assertThat(v.sealed()).isFalse();
        assertThat(v.problem()).startsWith("truncated");
        assertThat(verify(AuditExpectation.atLeast(lines.size())).problem()).startsWith("truncated");
        AuditVerification blind = new AuditVerifier(keys.getPublic()).verify(log);
        assertThat(blind.endProven()).as("without an expectation the end is never claimed").isFalse();
        assertThat(blind.summary()).contains("the end of the log is not proven");
    }

    @Test
    void anEmptyLogIsNeverIntact() throws Exception {
        Files.write(log, new byte[0]);
        assertThat(new AuditVerifier(keys.getPublic()).verify(log).intact()).isFalse();
        AuditVerification v = verify(AuditExpectation.checkpoint(lastLoggedCheckpoint()));
        assertThat(v.intact()).isFalse();
        assertThat(v.sealed()).isFalse();
        assertThat(v.problem()).startsWith("empty log");
    }

    @Test
    void aLogRewrittenWithADifferentCheckpointAtTheExpectedLineIsRefused() throws Exception {
        String expected = lastLoggedCheckpoint();
        String seq = expected.substring(0, expected.indexOf(':'));
        String forged = seq + ":" + "0".repeat(64);
        AuditVerification v = verify(AuditExpectation.checkpoint(forged));
        assertThat(v.intact()).isFalse();
        assertThat(v.problemLine()).isEqualTo(Long.parseLong(seq));
    }

    @Test
    void theLogFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }
}
