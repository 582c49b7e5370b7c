package dev.krypton.engine;

import java.time.Duration;

/**
 * Where the start-up re-unseal stands. Every tenant that storage recorded as ACTIVE when
 * the engine started is counted once in {@code total} and ends in exactly one of {@code unsealed},
 * {@code failed} or {@code skipped}; until then it is {@code pending}, and {@code retrying} of
 * those are waiting to try again after an UNAVAILABLE root key.
 *
 * @param total    tenants ACTIVE in storage at start
 * @param unsealed loaded into memory (by the start-up loader, a link or the change feed)
 * @param pending  not finished yet (in flight, queued or retrying)
 * @param failed   gave up: root key DENIED (now ROOT_REVOKED) or a non-transient fault
 * @param retrying pending tenants whose last attempt found the root key UNAVAILABLE
 * @param skipped  no longer ACTIVE in storage when their turn came (unlinked meanwhile)
 * @param denied   of {@code failed}, those whose root key was DENIED
 * @param elapsed  time since the start, frozen when nothing is pending any more
 */
public record StartupProgress(int total, int unsealed, int pending, int failed, int retrying, int skipped,
                              int denied, Duration elapsed) {

    /** Nothing left to do. */
    public boolean complete() {
        return pending == 0;
    }

    /** One log line. */
    String summary() {
        return "start-up unseal: " + unsealed + "/" + total + " unsealed, " + pending + " pending (" + retrying
                + " retrying), " + failed + " failed (" + denied + " denied), " + skipped + " skipped, "
                + elapsed.toMillis() + " ms";
    }
}
