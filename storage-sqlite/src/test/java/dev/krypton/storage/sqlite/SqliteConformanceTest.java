package dev.krypton.storage.sqlite;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.tck.Residue;
import dev.krypton.storage.tck.StorageConformanceTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit against a fresh SQLite file per test; what is at rest is the database
 * file with its {@code -wal}, {@code -shm} and {@code -journal} companions.
 */
class SqliteConformanceTest extends StorageConformanceTest {

    @TempDir
    static Path dir;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    protected StorageConfig newStoreConfig() {
        return new StorageConfig("sqlite", Map.of("path", dir.resolve("vault-" + COUNTER.incrementAndGet() + ".db").toString()));
    }

    @Override
    public Map<String, byte[]> bytesAtRest() {
        return Residue.files(Path.of(config().require("path")));
    }
}
