package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;

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
}
