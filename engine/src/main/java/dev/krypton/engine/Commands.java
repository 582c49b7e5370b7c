package dev.krypton.engine;

import java.util.List;
import java.util.Optional;

/** {@link TenantCommands} over {@link Lifecycle}; status is read from storage (not the hot path). */
final class Commands implements TenantCommands {

    private final Lifecycle lifecycle;
    private final Store store;
    private final ClusterNode cluster;

    Commands(Lifecycle lifecycle, Store store, ClusterNode cluster) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.cluster = cluster;
    }

    @Override
    public CommandResult execute(TenantCommand command) {
        CommandResult result = lifecycle.execute(command);
        cluster.markApplied(command.tenant().value(), result.status().generation());
        return result;
    }

    @Override
    public Optional<TenantStatus> status(TenantId tenant) {
        return store.tenant(tenant).map(Lifecycle::status);
    }

    @Override
    public List<TenantStatus> tenants() {
        return store.tenants().stream().map(Lifecycle::status).toList();
    }

    @Override
    public Propagation awaitPropagation(TenantId tenant, long generation) {
        return cluster.awaitPropagation(tenant, generation);
    }

    /** Generation 0 is applied by every node, so the propagation wait returns after one round of reads. */
    @Override
    public void warmUp(TenantId tenant) {
        Optional<TenantState> state = store.tenant(tenant).map(r -> Store.state(r.state()));
        Transition.of(new TenantCommand.Unlink(tenant), state, Optional.empty());
        cluster.awaitPropagation(tenant, 0);
    }
}
