package dev.krypton.storage;

import java.util.List;
import java.util.Optional;

/**
 * An open store of wrapped state (docs/design.md section 5). Thread-safe. Every method either completes
 * or throws {@link StorageException}; a write that returned normally is durable (it survives a
 * crash of the process, and for the production backends a power cut).
 *
 * <p>Untrusted by design: it receives only wrapped blobs, AAD, opaque attributes and identifiers.
 */
public interface Storage extends AutoCloseable {

    /** The tenant record, if the tenant exists (destroyed tenants exist as tombstones). */
    Optional<TenantRecord> tenant(String tenantId);

    /** One page of all tenants, in {@link Ids#ORDER} of their ids. */
    Page<TenantRecord> tenants(PageRequest page);

    /**
     * One page of every tenant's id, state and generation, in tenant id order, as {@link #tenants}
     * pages them. Backends should read only those columns (cluster nodes call this every poll);
     * the default maps {@link #tenants}.
     */
    default Page<TenantGeneration> tenantGenerations(PageRequest page) {
        return tenants(page).map(TenantGeneration::of);
    }

    /** The managed object with this uid, if present. */
    Optional<ManagedObjectRecord> object(String uid);

    /** One page of a tenant's objects matching the query, in {@link Ids#ORDER} of their uids. */
    Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page);

    /**
     * Applies the changes atomically: all of them or none. Each id may appear once.
     *
     * @throws StorageException CONFLICT if any expectation fails (nothing applied; or, only when the
     *                          connection broke during commit, applied and already superseded by
     *                          another writer: either way, re-read); INVALID for an
     *                          empty list or a repeated id; UNAVAILABLE if the backend cannot be
     *                          reached (the write may or may not have been applied: re-read)
     */
    void write(List<Write> changes);

    /** Applies one change; see {@link #write(List)}. */
    default void write(Write change) {
        write(List.of(change));
    }

    /** The processed-task log. */
    TaskLog taskLog();

    /** The node heartbeats. */
    Heartbeats heartbeats();

    /** The change feed, if this backend can push changes made by other nodes. */
    Optional<ChangeFeed> changeFeed();

    /** Releases connections and files; later calls fail with kind CLOSED. Idempotent. */
    @Override
    void close();
}
