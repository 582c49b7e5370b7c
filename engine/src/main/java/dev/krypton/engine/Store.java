package dev.krypton.engine;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantGeneration;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's view of the storage SPI: every storage failure becomes one {@link EngineException}
 * (a lost compare-and-set or an outage is retryable UNAVAILABLE; anything else INTERNAL), and
 * listings are read to the end. States map by name between the engine and the SPI.
 */
final class Store {

    private static final int PAGE = 1000;
    /** Generation rows are a few dozen bytes: the largest page saves the poll nine round trips per 10,000 tenants. */
    private static final int GENERATIONS_PAGE = PageRequest.MAX_LIMIT;

    private final Storage storage;
    private final RequestBudget budget;

    Store(Storage storage) {
        this(storage, RequestBudget.NONE);
    }

    private Store(Storage storage, RequestBudget budget) {
        this.storage = storage;
        this.budget = budget;
    }

    /**
     * The same store for request threads: each call (a listing as a whole) answers within
     * {@code budget} or fails as retryable UNAVAILABLE ({@link RequestBudget}).
     */
    Store forRequests(RequestBudget budget) {
        return new Store(storage, budget);
    }

    /** The budget of this view's calls (none for commands and the poll). */
    RequestBudget budget() {
        return budget;
    }

    Optional<TenantRecord> tenant(TenantId tenant) {
        return budget.call(() -> call(() -> storage.tenant(tenant.value())));
    }

    Optional<ManagedObjectRecord> object(String uid) {
        return budget.call(() -> call(() -> storage.object(uid)));
    }

    List<TenantRecord> tenants() {
        return budget.call(() -> all(storage::tenants, PAGE));
    }

    /** Every tenant's id, state and generation (no blobs): what a cluster poll compares. */
    List<TenantGeneration> tenantGenerations() {
        return budget.call(() -> all(storage::tenantGenerations, GENERATIONS_PAGE));
    }

    List<ManagedObjectRecord> objects(ObjectQuery query) {
        return budget.call(() -> all(page -> storage.objects(query, page), PAGE));
    }

    /** Every item of a paged listing, page after page of {@code size}. */
    private <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> listing, int size) {
        List<T> out = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(size));
        while (next.isPresent()) {
            PageRequest req = next.get();
            Page<T> page = call(() -> listing.apply(req));
            out.addAll(page.items());
            next = page.next();
        }
        return out;
    }

    void write(List<Write> changes) {
        budget.call(() -> call(() -> {
            storage.write(changes);
            return null;
        }));
    }

    void write(Write change) {
        write(List.of(change));
    }

    void beat(NodeHeartbeat heartbeat) {
        call(() -> {
            storage.heartbeats().beat(heartbeat);
            return null;
        });
    }

    List<NodeHeartbeat> heartbeats() {
        return budget.call(() -> call(() -> storage.heartbeats().list()));
    }

    void applied(String nodeId, Map<String, Long> generations) {
        call(() -> {
            storage.heartbeats().applied(nodeId, generations);
            return null;
        });
    }

    Map<String, Long> appliedBy(TenantId tenant) {
        return call(() -> storage.heartbeats().appliedBy(tenant.value()));
    }

    Optional<ChangeFeed> changeFeed() {
        return storage.changeFeed();
    }

    /** Whether {@code e} is a lost compare-and-set (worth retrying at once), not an outage or a time-out. */
    static boolean conflict(EngineException e) {
        return e.getCause() instanceof StorageException s && s.kind() == StorageException.Kind.CONFLICT;
    }

    static TenantState state(dev.krypton.storage.TenantState s) {
        return TenantState.valueOf(s.name());
    }

    static dev.krypton.storage.TenantState state(TenantState s) {
        return dev.krypton.storage.TenantState.valueOf(s.name());
    }

    static dev.krypton.storage.ObjectState state(ObjectState s) {
        return dev.krypton.storage.ObjectState.valueOf(s.name());
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (StorageException e) {
            throw switch (e.kind()) {
                case CONFLICT -> new EngineException(ErrorCode.UNAVAILABLE,
                        "a concurrent change won (generation mismatch); retry", e);
                case UNAVAILABLE -> new EngineException(ErrorCode.UNAVAILABLE, "storage unavailable: " + e.getMessage(), e);
                case CORRUPT, CONFIG, INVALID, CLOSED -> new EngineException(ErrorCode.INTERNAL,
                        "storage failure (" + e.kind() + "): " + e.getMessage(), e);
            };
        }
    }
}
