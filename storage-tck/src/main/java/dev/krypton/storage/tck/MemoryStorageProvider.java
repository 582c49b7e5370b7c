package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProvider;
import java.util.Set;

/** The {@code memory} backend: a fresh, empty, non-durable store on every open. Takes no settings. */
public final class MemoryStorageProvider implements StorageProvider {

    /** Name used in configuration. */
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageConfig config) {
        config.allowOnly(Set.of());
        return new MemoryStorage();
    }
}
