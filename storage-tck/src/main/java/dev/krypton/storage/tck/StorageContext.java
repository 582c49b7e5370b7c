package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import java.util.Map;

/** What every conformance contract may use: the store under test and how to reopen it. */
public interface StorageContext {

    /** The open store under test, empty at the start of each test. */
    Storage store();

    /** The configuration the store was opened with. */
    StorageConfig config();

    /** Closes the store under test and opens the same configuration again. */
    Storage reopen();

    /** Whether the backend keeps data across close and is shared by processes opening the same config. */
    boolean durable();

    /**
     * What the backend keeps at rest for the store under test, as it is now, by name (for SQLite
     * the database file, its write-ahead log and shared-memory file), so contracts can look for
     * leftovers of destroyed material ({@link Residue}). Empty where a test cannot read it: the
     * memory backend keeps nothing at rest, a database server keeps it behind its own protocol.
     */
    default Map<String, byte[]> bytesAtRest() {
        return Map.of();
    }
}
