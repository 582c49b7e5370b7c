package dev.krypton.engine;

import java.util.List;
import java.util.Optional;

/** {@link TenantCommands} over {@link Lifecycle}; status is read from storage (not the hot path). */
final class Commands implements TenantCommands {

    private final Lifecycle lifecycle;
    private final Store store;

    Commands(Lifecycle lifecycle, Store store) {
        this.lifecycle = lifecycle;
        this.store = store;
    }

    @Override
    public CommandResult execute(TenantCommand command) {
        return lifecycle.execute(command);
    }

    @Override
    public Optional<TenantStatus> status(TenantId tenant) {
        return store.tenant(tenant).map(Lifecycle::status);
    }

    @Override
    public List<TenantStatus> tenants() {
        return store.tenants().stream().map(Lifecycle::status).toList();
    }
}
