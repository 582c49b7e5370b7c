package dev.krypton.storage;

/**
 * A storage backend plugin, found by {@link StorageProviders} through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.krypton.storage.StorageProvider}).
 */
public interface StorageProvider {

    /** The name used in configuration, for example {@code sqlite}. */
    String name();

    /**
     * Opens (creating and migrating if needed) the store described by {@code config}.
     *
     * @throws StorageException CONFIG with one clear sentence if the settings are wrong or the
     *                          database refuses them; UNAVAILABLE if it cannot be reached;
     *                          CORRUPT if the target is not a Krypton store
     */
    Storage open(StorageConfig config);
}
