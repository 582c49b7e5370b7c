package dev.krypton.storage.tck;

import dev.krypton.storage.StorageConfig;
import java.util.Map;

/** The whole kit against the in-memory backend (restart and two-process cases are skipped: nothing persists). */
class MemoryConformanceTest extends StorageConformanceTest {

    @Override
    protected StorageConfig newStoreConfig() {
        return new StorageConfig("memory", Map.of());
    }

    @Override
    public boolean durable() {
        return false;
    }
}
