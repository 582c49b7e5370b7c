package dev.krypton.storage;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds storage backends by name through {@link ServiceLoader}. */
public final class StorageProviders {

    private StorageProviders() {
    }

    /** Every provider visible to this class's loader, by name. */
    public static Map<String, StorageProvider> available() {
        Map<String, StorageProvider> byName = new TreeMap<>();
        for (StorageProvider provider : ServiceLoader.load(StorageProvider.class, StorageProviders.class.getClassLoader())) {
            byName.putIfAbsent(provider.name(), provider);
        }
        return byName;
    }

    /**
     * Opens the backend named in the configuration.
     *
     * @throws StorageException CONFIG if no provider has that name, or the provider's error
     */
    public static Storage open(StorageConfig config) {
        Map<String, StorageProvider> byName = available();
        StorageProvider provider = byName.get(config.backend());
        if (provider == null) {
            throw new StorageException(StorageException.Kind.CONFIG, "Unknown storage backend '" + config.backend()
                    + "'; available: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ".");
        }
        return provider.open(config);
    }
}
