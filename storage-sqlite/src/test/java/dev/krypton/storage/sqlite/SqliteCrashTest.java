package dev.krypton.storage.sqlite;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.tck.CrashConformanceTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL the SQLite writer 20 times; every acknowledged write must survive. */
class SqliteCrashTest extends CrashConformanceTest {

    @TempDir
    static Path dir;

    @Override
    protected StorageConfig newStoreConfig() {
        return new StorageConfig("sqlite", Map.of("path", dir.resolve("crash.db").toString()));
    }
}
