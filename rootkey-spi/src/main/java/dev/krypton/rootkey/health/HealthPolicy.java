package dev.krypton.rootkey.health;

import dev.krypton.rootkey.RootKeyException;
import java.time.Duration;
import java.util.Objects;

/**
 * Probe timing of the fail-closed rules.
 *
 * @param probeInterval the longest time between two probes of one tenant (default 5 min)
 * @param jitter        fraction in [0, 0.5]: each gap is drawn from
 *                      {@code [probeInterval * (1 - jitter), probeInterval]}, so probes of many
 *                      tenants spread out and no gap ever exceeds the interval
 * @param maxAutonomy   how long a tenant keeps serving without successful contact with its root key
 */
public record HealthPolicy(Duration probeInterval, double jitter, Duration maxAutonomy) {

    /** 5 minute probes with 20 % jitter, one hour of autonomy. */
    public static final HealthPolicy DEFAULT = new HealthPolicy(Duration.ofMinutes(5), 0.2, Duration.ofHours(1));

    public HealthPolicy {
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(maxAutonomy, "maxAutonomy");
        if (probeInterval.compareTo(Duration.ofMillis(1)) < 0 || maxAutonomy.isNegative()
                || !(jitter >= 0 && jitter <= 0.5)) {
            throw RootKeyException.denied("health policy needs a positive probe interval, jitter in [0, 0.5] and max-autonomy >= 0");
        }
    }
}
