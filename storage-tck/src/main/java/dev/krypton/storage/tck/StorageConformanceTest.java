package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage conformance kit: extend it in a backend's tests, return a configuration of a fresh
 * empty store from {@link #newStoreConfig()}, and every contract runs against that backend through
 * {@link StorageProviders} (so discovery is tested too). Durable backends also extend
 * {@link CrashConformanceTest}.
 */
public abstract class StorageConformanceTest implements StorageContext, TenantContract, ObjectContract,
        AtomicWriteContract, PagingContract, TaskAndHeartbeatContract, ConcurrencyContract, RestartContract,
        ChangeFeedContract, ShredContract {

    private StorageConfig config;
    private Storage store;

    /** A configuration for a new, empty store, different on every call. */
    protected abstract StorageConfig newStoreConfig();

    @BeforeEach
    final void openStore() {
        config = newStoreConfig();
        store = StorageProviders.open(config);
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public final Storage store() {
        return store;
    }

    @Override
    public final StorageConfig config() {
        return config;
    }

    @Override
    public final Storage reopen() {
        store.close();
        store = StorageProviders.open(config);
        return store;
    }

    @Override
    public boolean durable() {
        return true;
    }
}
