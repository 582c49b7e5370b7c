package dev.krypton.orbital;

/**
 * The port through which the intake drives the engine. Implementations must be thread-safe and
 * make {@link #execute} durable before returning (and, for unlink-class commands, zeroize the
 * tenant's keys in this process before returning). A transient internal failure (storage down)
 * is thrown as a runtime exception; the intake then releases the task for redelivery.
 */
public interface TenantCommands {

    /** Applies an idempotent lifecycle command and reports the outcome. */
    CommandOutcome execute(TenantCommand command);

    /** The actual state of a tenant, {@link ActualState#unknown} when never seen. */
    ActualState actual(String tenantId);
}
