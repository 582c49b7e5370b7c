package dev.krypton.rootkey.health;

import java.time.Instant;

/**
 * A snapshot of one watched tenant.
 *
 * @param status      the outcome of the latest probe, as the fail-closed rules see it
 * @param lastSuccess the last successful contact with the root key (link or probe)
 * @param nextProbe   when the next probe is due
 */
public record TenantHealth(Status status, Instant lastSuccess, Instant nextProbe) {

    /** Fail-closed status of one tenant's root key. */
    public enum Status {
        /** The last probe succeeded. */
        HEALTHY,
        /** The provider is unreachable, autonomy not yet used up: keep serving. */
        DEGRADED,
        /** Autonomy used up: must not serve. */
        EXPIRED,
        /** The owner refused: must not serve. */
        DENIED
    }
}
