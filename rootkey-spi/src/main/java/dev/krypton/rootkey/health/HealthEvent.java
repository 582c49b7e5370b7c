package dev.krypton.rootkey.health;

import java.time.Instant;

/**
 * What {@link RootKeyHealth} tells the engine about a watched tenant's root key (docs/design.md section
 * 6, fail-closed rules). Messages are the provider's classified error text, never key material.
 */
public sealed interface HealthEvent {

    String tenantId();

    /** The key's owner said no: zeroize the tenant now (engine: ROOT_REVOKED). */
    record Denied(String tenantId, String reason) implements HealthEvent { }

    /** The provider is unreachable; keep serving until {@code deadline} (last success + max-autonomy). */
    record Degraded(String tenantId, String reason, Instant lastSuccess, Instant deadline) implements HealthEvent { }

    /** No successful contact for max-autonomy: zeroize the tenant now. */
    record AutonomyExpired(String tenantId, Instant lastSuccess) implements HealthEvent { }

    /** A probe succeeded again after Degraded, Denied or AutonomyExpired. */
    record Restored(String tenantId) implements HealthEvent { }
}
