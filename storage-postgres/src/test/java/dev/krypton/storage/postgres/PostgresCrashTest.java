package dev.krypton.storage.postgres;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.tck.CrashConformanceTest;

/** SIGKILL a PostgreSQL writer 20 times; every acknowledged write must survive. */
class PostgresCrashTest extends CrashConformanceTest {

    @Override
    protected StorageConfig newStoreConfig() {
        return TestDatabase.newStore();
    }
}
