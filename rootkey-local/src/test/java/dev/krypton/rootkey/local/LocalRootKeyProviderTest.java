package dev.krypton.rootkey.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.local.LocalRootKeyProvider.Mode;
import dev.krypton.rootkey.tck.LeakWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRootKeyProviderTest {

    private static final WrapContext CTX = WrapContext.tenant("t1");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());

    @TempDir
    Path dir;

    private RootKeyRef ref(Map<String, String> access) {
        return RootKeyRef.of(LocalRootKeyProvider.NAME, "dev", access);
    }

    @Test
    void refusedInProductionUnlessExplicitlyAllowed() {
        String file = dir.resolve("k").toString();
        assertThatThrownBy(() -> new LocalRootKeyProvider(Mode.PRODUCTION).open(ref(Map.of("file", file)), services))
                .isInstanceOfSatisfying(RootKeyException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.DENIED);
                    assertThat(e.getMessage()).contains("development only");
                });
        try (RootKey key = new LocalRootKeyProvider(Mode.PRODUCTION).open(ref(Map.of("file", file, "allow-in-production", "true")), services)) {
            key.wrap(memory.random(32), CTX);
        }
    }

    @Test
    void unsetModeMeansProduction() {
        assertThat(LocalRootKeyProvider.modeFrom("production")).isEqualTo(Mode.PRODUCTION);
        assertThat(LocalRootKeyProvider.modeFrom(" Development ")).isEqualTo(Mode.DEVELOPMENT);
        assertThatThrownBy(() -> LocalRootKeyProvider.modeFrom("staging")).isInstanceOf(RootKeyException.class);
    }

    @Test
    void keyFileIsCreatedOnFirstWrapWithOwnerOnlyPermissionsButNeverByUnwrap() throws IOException {
        Path file = dir.resolve("root.key");
        RootKeyBlob foreign = new RootKeyBlob(LocalRootKeyProvider.NAME, "dev", "", LocalRootKey.MECHANISM, new byte[40]);
        try (RootKey key = new LocalRootKeyProvider(Mode.DEVELOPMENT).open(ref(Map.of("file", file.toString())), services)) {
            assertThatThrownBy(() -> key.unwrap(foreign, CTX)).hasMessageContaining("does not exist");
            assertThat(file).doesNotExist();
            key.wrap(memory.random(32), CTX);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(32);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void concurrentFirstUsersAgreeOnOneKey() throws Exception {
        Path file = dir.resolve("race.key");
        KeyHandle l2 = memory.random(32);
        Callable<RootKeyBlob> wrap = () -> {
            try (RootKey key = new LocalRootKeyProvider(Mode.DEVELOPMENT).open(ref(Map.of("file", file.toString())), services)) {
                return key.wrap(l2, CTX);
            }
        };
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = pool.invokeAll(Collections.nCopies(8, wrap));
            try (RootKey key = new LocalRootKeyProvider(Mode.DEVELOPMENT).open(ref(Map.of("file", file.toString())), services)) {
                for (Future<RootKeyBlob> f : futures) {
                    assertThat(LeakWatch.sameKey(l2, key.unwrap(f.get(), CTX))).isTrue();
                }
            }
        }
    }

    @Test
    void replacedKeyFileIsReloadedAndOldBlobsNoLongerUnwrap() throws IOException {
        Path file = dir.resolve("root.key");
        try (RootKey key = new LocalRootKeyProvider(Mode.DEVELOPMENT).open(ref(Map.of("file", file.toString())), services)) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            Files.delete(file);
            key.wrap(memory.random(32), CTX);
            assertThatThrownBy(() -> key.unwrap(blob, CTX)).isInstanceOfSatisfying(RootKeyException.class,
                    e -> assertThat(e.isDenied()).isTrue());
        }
    }

    @Test
    void unknownMetadataIsRefused() {
        assertThatThrownBy(() -> new LocalRootKeyProvider(Mode.DEVELOPMENT).open(ref(Map.of("file", "x", "pin", "1")), services))
                .hasMessageContaining("unknown access metadata");
    }

    @AfterEach
    void closeMemory() {
        memory.close();
    }
}
