package dev.krypton.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a lifecycle command.
 *
 * @param status      the tenant's status afterwards
 * @param changed     whether anything changed
 * @param committedAt when the store write that made the change durable returned (by the engine's
 *                    clock); for a command that wrote nothing, when it found the stored state
 *                    already as asked. What happens after the commit (the durable audit line, the
 *                    wait for the other nodes, the answer) is measured from here.
 */
public record CommandResult(TenantStatus status, boolean changed, Instant committedAt) {

    public CommandResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(committedAt, "committedAt");
    }
}
