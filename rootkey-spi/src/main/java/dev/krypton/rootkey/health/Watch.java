package dev.krypton.rootkey.health;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.health.TenantHealth.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Mutable probe state of one tenant; every transition is synchronized on the watch. */
final class Watch {

    final String tenantId;
    final RootKey key;
    final WrapContext context;
    private Status status = Status.HEALTHY;
    private Instant lastSuccess;
    private Instant nextProbe;
    private boolean probing;

    Watch(String tenantId, RootKey key, WrapContext context, Instant lastSuccess, Instant nextProbe) {
        this.tenantId = tenantId;
        this.key = key;
        this.context = context;
        this.lastSuccess = lastSuccess;
        this.nextProbe = nextProbe;
    }

    synchronized TenantHealth snapshot() {
        return new TenantHealth(status, lastSuccess, nextProbe);
    }

    /** Takes the probe slot if due and none is in flight, and schedules the next one. */
    synchronized boolean claimProbe(Instant now, Duration gap) {
        if (probing || now.isBefore(nextProbe)) {
            return false;
        }
        probing = true;
        nextProbe = now.plus(gap);
        return true;
    }

    /** Moves a degraded tenant to EXPIRED once its autonomy is used up; true on that transition. */
    synchronized boolean expireIfOverdue(Instant now, Duration maxAutonomy) {
        if (status == Status.DEGRADED && !now.isBefore(lastSuccess.plus(maxAutonomy))) {
            status = Status.EXPIRED;
            return true;
        }
        return false;
    }

    synchronized Optional<HealthEvent> onSuccess(Instant at) {
        probing = false;
        lastSuccess = at;
        Status before = status;
        status = Status.HEALTHY;
        return before == Status.HEALTHY ? Optional.empty() : Optional.of(new HealthEvent.Restored(tenantId));
    }

    synchronized Optional<HealthEvent> onDenied(String reason) {
        probing = false;
        Status before = status;
        status = Status.DENIED;
        return before == Status.DENIED ? Optional.empty() : Optional.of(new HealthEvent.Denied(tenantId, reason));
    }

    synchronized Optional<HealthEvent> onUnavailable(Instant now, Duration maxAutonomy, String reason) {
        probing = false;
        Instant deadline = lastSuccess.plus(maxAutonomy);
        return switch (status) {
            case DENIED, EXPIRED -> Optional.empty();
            case HEALTHY, DEGRADED -> {
                Status before = status;
                if (!now.isBefore(deadline)) {
                    status = Status.EXPIRED;
                    yield Optional.of(new HealthEvent.AutonomyExpired(tenantId, lastSuccess));
                }
                status = Status.DEGRADED;
                yield before == Status.HEALTHY
                        ? Optional.of(new HealthEvent.Degraded(tenantId, reason, lastSuccess, deadline))
                        : Optional.empty();
            }
        };
    }
}
