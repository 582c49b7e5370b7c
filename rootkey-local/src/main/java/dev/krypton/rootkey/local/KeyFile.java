package dev.krypton.rootkey.local;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * The key file: exactly 32 random bytes, mode 0600. Created atomically (written to a private
 * temporary file, then hard-linked into place, so a concurrent creator never sees a partial key and
 * an existing key is never replaced). Loading checks mode and size, then moves the bytes into secure
 * memory and zeroes the read buffer: the file read is the one heap crossing of this key.
 *
 * <p>A missing file in an existing folder is a key that does not exist (DENIED); a missing or
 * unreadable folder is storage that is not there right now (UNAVAILABLE).
 */
final class KeyFile {

    /** What identifies the file's current content, to notice replacement or deletion. */
    record Stamp(Object fileKey, Instant modified, long size) { }

    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;

    KeyFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** Checks that the file exists with mode 0600 and the right size. */
    Stamp stat() {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
            if (!OWNER_ONLY.containsAll(attributes.permissions())) {
                throw RootKeyException.denied("local: key file " + path + " is open to others ("
                        + PosixFilePermissions.toString(attributes.permissions()) + "); it must be 0600");
            }
            if (attributes.size() != KEY_BYTES) {
                throw RootKeyException.denied("local: key file " + path + " does not hold a " + KEY_BYTES + "-byte key");
            }
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toInstant(), attributes.size());
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(path.getParent())) {
                throw RootKeyException.denied("local: key file " + path + " does not exist");
            }
            throw RootKeyException.unavailable("local: folder of key file " + path + " is not there");
        } catch (IOException e) {
            throw RootKeyException.unavailable("local: cannot read key file " + path + ": " + e.getClass().getSimpleName());
        }
    }

    /** Reads the key into {@code memory}. */
    KeyHandle load(SecureMemory memory) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length != KEY_BYTES) {
                Arrays.fill(bytes, (byte) 0);
                throw RootKeyException.denied("local: key file " + path + " changed size while loading");
            }
            return HeapKeyBytes.adopt(memory, bytes);
        } catch (IOException e) {
            throw RootKeyException.unavailable("local: cannot read key file " + path + ": " + e.getClass().getSimpleName());
        }
    }

    /** Creates the file with a fresh random key unless it exists. */
    void createIfAbsent() {
        if (Files.exists(path)) {
            return;
        }
        byte[] key = new byte[KEY_BYTES];
        Path temp = null;
        try {
            temp = Files.createTempFile(path.getParent(), ".krypton-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            RANDOM.nextBytes(key);
            Files.write(temp, key);
            Files.createLink(path, temp);
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (IOException e) {
            throw RootKeyException.unavailable("local: cannot create key file " + path + ": " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(key, (byte) 0);
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // best effort: a leftover is an owner-only second name of the same key file
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
