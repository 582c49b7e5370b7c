package dev.krypton.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.engine.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Checks an audit log file written by {@link AuditLog}: every line parses, {@code seq} counts up
 * by one from 1, each {@code prev} equals the SHA-256 of the previous line's bytes, and every
 * checkpoint's Ed25519 signature verifies under the given public key. An edited, removed,
 * inserted or reordered line breaks the chain at the next line or a signature; lines after the
 * last checkpoint are reported as uncovered. An empty log is never intact.
 *
 * <p>The chain cannot show a cut right after a checkpoint: the shorter log is a valid log too.
 * So the verifier takes an {@link AuditExpectation} from outside the node (the last checkpoint the
 * node logged, or a line count) and reports the log truncated when it does not reach it.
 *
 * <p>Command: {@code java -cp krypton-engine.jar dev.krypton.engine.audit.AuditVerifier <log>
 * <audit-signing.pub> <SEQ:HASH>}; exit 0 when intact and sealed, 1 otherwise, 2 on usage errors.
 */
public final class AuditVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey key;
    private final String keyId;

    public AuditVerifier(PublicKey key) {
        this.key = key;
        this.keyId = AuditKeys.keyId(key);
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: AuditVerifier <audit-log> <audit-signing.pub> <SEQ:HASH of the last checkpoint>");
            System.exit(2);
        }
        AuditExpectation expected;
        try {
            expected = AuditExpectation.checkpoint(args[2]);
        } catch (EngineException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AuditVerification v = new AuditVerifier(AuditKeys.readPublic(Path.of(args[1])))
                .verify(Path.of(args[0]), expected);
        System.out.println(v.summary());
        System.exit(v.sealed() ? 0 : 1);
    }

    /** Verifies the chain of the file, without proof of where it ends; an empty file fails. */
    public AuditVerification verify(Path file) {
        return verify(file, AuditExpectation.none());
    }

    /** Verifies the file; never throws for bad content (that is a verdict), only reports it. */
    public AuditVerification verify(Path file, AuditExpectation expected) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return new AuditVerification(false, 0, 0, 0, 1, "cannot read " + file + ": " + e.getMessage(), "", false);
        }
        if (all.length == 0) {
            return fail(1, 0, "empty log: a node writes a signed checkpoint before it closes, so an empty file"
                    + " is a log that was emptied or never written");
        }
        String prev = AuditLine.GENESIS;
        long n = 0;
        long checkpoints = 0;
        long sinceCheckpoint = 0;
        String lastCheckpoint = "";
        int start = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            n++;
            if (end == all.length) {
                return fail(n, checkpoints, "last line is not terminated (torn or appended)");
            }
            String line = new String(all, start, end - start, StandardCharsets.UTF_8);
            Step step = check(line, n, prev);
            if (!step.problem().isEmpty()) {
                return fail(n, checkpoints, step.problem());
            }
            String hash = AuditLine.hash(line);
            if (step.checkpoint()) {
                checkpoints++;
                sinceCheckpoint = 0;
                lastCheckpoint = n + ":" + hash;
            } else {
                sinceCheckpoint++;
            }
            if (n == expected.checkpointSeq() && !(step.checkpoint() && hash.equals(expected.checkpointHash()))) {
                return fail(n, checkpoints, "line " + n + " is not the expected checkpoint " + n + ":"
                        + expected.checkpointHash() + " (the log was cut and written again, or rewritten)");
            }
            prev = hash;
            start = end + 1;
        }
        if (n < expected.checkpointSeq()) {
            return fail(n + 1, checkpoints, "truncated: the log ends at line " + n + ", before the expected checkpoint "
                    + expected.checkpointSeq() + ":" + expected.checkpointHash());
        }
        if (n < expected.atLeastLines()) {
            return fail(n + 1, checkpoints, "truncated: the log has " + n + " lines, at least "
                    + expected.atLeastLines() + " were expected");
        }
        return new AuditVerification(true, n, checkpoints, sinceCheckpoint, 0, "", lastCheckpoint,
                expected.provesEnd());
    }

    private record Step(String problem, boolean checkpoint) {
    }

    private Step check(String line, long n, String prev) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return new Step("not a JSON object", false);
        }
        if (node == null || !node.isObject() || !node.path("seq").canConvertToLong() || !node.path("prev").isTextual()) {
            return new Step("missing seq or prev", false);
        }
        if (node.get("seq").asLong() != n) {
            return new Step("sequence number " + node.get("seq").asLong() + " where " + n
                    + " was expected (removed, inserted or reordered line)", false);
        }
        if (!node.get("prev").asText().equals(prev)) {
            return new Step("hash chain broken: the previous line was edited, removed, inserted or reordered", false);
        }
        if ("CHECKPOINT".equals(node.path("kind").asText())) {
            String canonical = AuditLine.checkpoint(n, node.path("ts").asText(), node.path("head").asText(),
                    node.path("key").asText(), node.path("sig").asText());
            return new Step(canonical.equals(line) ? checkpoint(node, n, prev) : "checkpoint line is not canonical", true);
        }
        return new Step(canonicalEvent(node, n, prev).equals(line) ? "" : "event line is not canonical (edited)", false);
    }

    private static String canonicalEvent(JsonNode node, long n, String prev) {
        try {
            AuditEvent e = new AuditEvent(AuditKind.valueOf(node.path("kind").asText()), node.path("actor").asText(),
                    node.path("tenant").asText(), node.path("object").asText(), node.path("action").asText(),
                    node.path("result").asText(), node.path("detail").asText());
            return AuditLine.event(n, node.path("ts").asText(), e, prev);
        } catch (IllegalArgumentException unknownKind) {
            return "";
        }
    }

    private String checkpoint(JsonNode node, long n, String prev) {
        if (!prev.equals(node.path("head").asText())) {
            return "checkpoint head does not match the chain";
        }
        if (!keyId.equals(node.path("key").asText())) {
            return "checkpoint signed by another key (" + node.path("key").asText() + ")";
        }
        try {
            Signature sig = Signature.getInstance("Ed25519");
            sig.initVerify(key);
            sig.update(AuditLine.checkpointMessage(n, node.path("ts").asText(), prev, keyId));
            if (!sig.verify(Base64.getDecoder().decode(node.path("sig").asText()))) {
                return "checkpoint signature does not verify";
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "checkpoint signature is malformed";
        }
        return "";
    }

    private static AuditVerification fail(long line, long checkpoints, String problem) {
        return new AuditVerification(false, line, checkpoints, 0, line, problem, "", false);
    }
}
