package dev.krypton.engine.audit;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;

/**
 * What an auditor knows about a log from outside the node, so that {@link AuditVerifier} can prove
 * where the log ends: a hash chain alone cannot tell a log cut right after a checkpoint from a
 * complete one. The node logs every checkpoint it writes as {@code audit checkpoint SEQ:HASH}
 * (HASH: hex SHA-256 of the checkpoint line); an operator who ships those lines off the node passes
 * the latest as {@link #checkpoint(String)}.
 *
 * @param atLeastLines   the log must hold at least this many lines (0: no such bound)
 * @param checkpointSeq  line number of a checkpoint the log must hold (0: none expected)
 * @param checkpointHash hex SHA-256 of that checkpoint line (empty when none expected)
 */
public record AuditExpectation(long atLeastLines, long checkpointSeq, String checkpointHash) {

    public AuditExpectation {
        if (atLeastLines < 0 || checkpointSeq < 0 || (checkpointSeq == 0) != checkpointHash.isEmpty()) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "an audit expectation needs a positive line count or a SEQ:HASH checkpoint");
        }
    }

    /** Nothing known from outside: the verifier can prove the chain, not where it ends. */
    public static AuditExpectation none() {
        return new AuditExpectation(0, 0, "");
    }

    /** The log must hold at least {@code lines} lines. */
    public static AuditExpectation atLeast(long lines) {
        if (lines < 1) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "the expected number of lines must be at least 1");
        }
        return new AuditExpectation(lines, 0, "");
    }

    /**
     * The log must hold the checkpoint {@code SEQ:HASH} as the node logged it.
     *
     * @throws EngineException INVALID_ARGUMENT when the text is not SEQ:HASH
     */
    public static AuditExpectation checkpoint(String seqColonHash) {
        int colon = seqColonHash.indexOf(':');
        String hash = colon < 0 ? "" : seqColonHash.substring(colon + 1);
        long seq;
        try {
            seq = colon < 0 ? 0 : Long.parseLong(seqColonHash.substring(0, colon));
        } catch (NumberFormatException e) {
            seq = 0;
        }
        if (seq < 1 || !hash.matches("[0-9a-f]{64}")) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "an expected checkpoint is SEQ:HASH, a line number and the 64 hex digits"
                    + " the node logged with it");
        }
        return new AuditExpectation(0, seq, hash);
    }

    /** Both this and {@code other}. */
    public AuditExpectation and(AuditExpectation other) {
        return other.checkpointSeq > 0
                ? new AuditExpectation(Math.max(atLeastLines, other.atLeastLines), other.checkpointSeq, other.checkpointHash)
                : new AuditExpectation(Math.max(atLeastLines, other.atLeastLines), checkpointSeq, checkpointHash);
    }

    /** Whether anything is expected, i.e. whether the end of the log can be proven. */
    public boolean provesEnd() {
        return atLeastLines > 0 || checkpointSeq > 0;
    }
}
