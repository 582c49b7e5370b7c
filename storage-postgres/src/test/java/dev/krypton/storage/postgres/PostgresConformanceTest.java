package dev.krypton.storage.postgres;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.tck.StorageConformanceTest;

/** The whole conformance kit against the real PostgreSQL, a fresh schema per test. */
class PostgresConformanceTest extends StorageConformanceTest {

    @Override
    protected StorageConfig newStoreConfig() {
        return TestDatabase.newStore();
    }
}
