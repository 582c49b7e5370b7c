package dev.krypton.engine.audit;

/**
 * The verdict of {@link AuditVerifier}.
 *
 * @param intact         the chain, sequence and every checkpoint signature are correct, the log is
 *                       not empty and it holds what the {@link AuditExpectation} says it must
 * @param lines          lines read
 * @param checkpoints    valid checkpoints seen
 * @param uncovered      lines after the last checkpoint: chained but not yet signed, so an edit of
 *                       the very last of them or a cut of the tail cannot be proven
 * @param problemLine    1-based line of the first problem, 0 if intact
 * @param problem        what is wrong there, empty if intact
 * @param lastCheckpoint {@code SEQ:HASH} of the last valid checkpoint (what to expect next time),
 *                       empty if none
 * @param endProven      an expectation from outside the node was given and met, so a cut of the
 *                       log back to an earlier checkpoint would have been found
 */
public record AuditVerification(boolean intact, long lines, long checkpoints, long uncovered, long problemLine,
                                String problem, String lastCheckpoint, boolean endProven) {

    /** Intact and every line covered by a signed checkpoint. */
    public boolean sealed() {
        return intact && uncovered == 0;
    }

    /** One line for an operator. */
    public String summary() {
        if (!intact) {
            return (problem.startsWith("truncated") || problem.startsWith("empty") ? "FAILED" : "TAMPERED")
                    + " at line " + problemLine + ": " + problem;
        }
        return "intact: " + lines + " lines, " + checkpoints + " checkpoints, " + uncovered
                + " lines after the last checkpoint" + (lastCheckpoint.isEmpty() ? "" : "; last checkpoint "
                + lastCheckpoint) + (endProven ? "" : "; the end of the log is not proven (no expectation given)");
    }
}
