package dev.krypton.storage.sqlite;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProvider;
import dev.krypton.storage.jdbc.JdbcStorage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The {@code sqlite} backend. Settings: {@code path} (the database file, created if missing; its
 * directory must exist), {@code busy-timeout-ms} (how long to wait for another process's lock,
 * default 5000), {@code readers} (read connections, default 4).
 */
public final class SqliteStorageProvider implements StorageProvider {

    /** Name used in configuration. */
    public static final String NAME = "sqlite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageConfig config) {
        config.allowOnly(Set.of("path", "busy-timeout-ms", "readers"));
        Path file = path(config.require("path"));
        int busyMillis = config.getInt("busy-timeout-ms", 5000, 0, 600_000);
        int readers = config.getInt("readers", 4, 1, 64);
        if (file.toString().contains("?")) {
            throw config("The SQLite path " + file + " must not contain '?' (the driver would read the rest as options).");
        }
        if (Files.isDirectory(file)) {
            throw config("The SQLite path " + file + " is a directory, not a database file.");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw config("The directory of the SQLite file " + file + " does not exist.");
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw config("The SQLite file " + file + " is not readable by this user.");
        }
        createOwnerOnly(file);
        SqliteDialect dialect = new SqliteDialect(file, busyMillis);
        return new JdbcStorage(SqliteConnections.open(file, busyMillis, readers, dialect), dialect);
    }

    /**
     * Creates a missing database file readable and writable by the owner only, before SQLite opens
     * it (SQLite would create it with 0644 under the usual umask). SQLite gives the {@code -wal} and
     * {@code -shm} files it creates the mode of the database file, so they are 0600 too. An existing
     * file keeps its mode: that is the operator's to set.
     */
    private static void createOwnerOnly(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            boolean posix = Files.getFileStore(file.toAbsolutePath().getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; SQLite opens theirs
        } catch (IOException e) {
            throw config("The SQLite file " + file + " cannot be created: " + e.getMessage());
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw config("The SQLite path '" + value + "' is not a valid file name.");
        }
    }

    private static StorageException config(String message) {
        return new StorageException(StorageException.Kind.CONFIG, message);
    }
}
