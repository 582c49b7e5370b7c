package dev.krypton.rootkey.local;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.local.LocalRootKeyProvider.Mode;
import dev.krypton.rootkey.tck.RootKeyConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The kit against real key files in a temporary folder. "Disable" opens the key file to others. */
class LocalConformanceTest extends RootKeyConformance {

    private final Path dir;

    LocalConformanceTest(@TempDir Path dir) throws IOException {
        this.dir = dir;
        Path loose = Files.write(dir.resolve("loose.key"), new byte[32]);
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private RootKey open(String keyId, Path file) {
        return new LocalRootKeyProvider(Mode.DEVELOPMENT).open(RootKeyRef.of(LocalRootKeyProvider.NAME, keyId,
                Map.of("file", file.toString())), services);
    }

    @Override
    protected RootKey openKey() {
        return open("dev-root", dir.resolve("root.key"));
    }

    @Override
    protected RootKey openOtherKey() {
        return open("other-root", dir.resolve("other.key"));
    }

    @Override
    protected RootKey openDisabledKey() {
        return open("loose-root", dir.resolve("loose.key"));
    }

    @Override
    protected RootKey openUnreachableKey() {
        return open("dev-root", dir.resolve("unmounted-volume").resolve("root.key"));
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        return Optional.empty();
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> {
            try {
                Files.setPosixFilePermissions(dir.resolve("root.key"), PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of();
    }
}
