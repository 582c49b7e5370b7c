package dev.krypton.engine.audit;

/**
 * The verdict of {@link AuditVerifier}.
 *
 * @param intact      the chain, sequence and every checkpoint signature are correct
 * @param lines       lines read
 * @param checkpoints valid checkpoints seen
 * @param uncovered   lines after the last checkpoint: chained but not yet signed, so an edit of
 *                    the very last of them or a cut of the tail cannot be proven
 * @param problemLine 1-based line of the first problem, 0 if intact
 * @param problem     what is wrong there, empty if intact
 */
public record AuditVerification(boolean intact, long lines, long checkpoints, long uncovered, long problemLine,
                                String problem) {

    /** Intact and every line covered by a signed checkpoint. */
    public boolean sealed() {
        return intact && uncovered == 0;
    }
}
