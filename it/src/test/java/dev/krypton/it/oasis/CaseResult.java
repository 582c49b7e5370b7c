package dev.krypton.it.oasis;

/** The outcome of replaying one test case. */
sealed interface CaseResult {
    CaseFile testCase();

    /** Every response matched. */
    record Passed(CaseFile testCase) implements CaseResult {
    }

    /** A response differed (or the exchange broke); {@code reason} says where and how. */
    record Failed(CaseFile testCase, String reason) implements CaseResult {
    }

    /** Not run against this server, for the stated reason. */
    record Skipped(CaseFile testCase, String reason) implements CaseResult {
    }
}
