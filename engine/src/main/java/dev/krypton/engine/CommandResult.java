package dev.krypton.engine;

import java.util.Objects;

/** The outcome of a lifecycle command: the tenant's status afterwards and whether anything changed. */
public record CommandResult(TenantStatus status, boolean changed) {

    public CommandResult {
        Objects.requireNonNull(status, "status");
    }
}
