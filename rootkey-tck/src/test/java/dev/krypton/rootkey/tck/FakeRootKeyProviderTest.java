package dev.krypton.rootkey.tck;

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
import dev.krypton.rootkey.RootKeyProviders;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeRootKeyProviderTest {

    private static final WrapContext CTX = WrapContext.tenant("t1");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void serviceLoaderFindsTheFakeByName() {
        try (RootKey key = RootKeyProviders.open(RootKeyRef.of("fake", "any", Map.of()), services, loader)) {
            KeyHandle l2 = memory.random(32);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(key.wrap(l2, CTX), CTX))).isTrue();
        }
    }

    @Test
    void unknownProviderNameIsDenied() {
        assertThatThrownBy(() -> RootKeyProviders.byName("no-such", loader))
                .isInstanceOfSatisfying(RootKeyException.class, e -> assertThat(e.isDenied()).isTrue());
    }

    @Test
    void rotatedKeyStillUnwrapsOldBlobsAndRecordsVersions() {
        FakeRootKeys world = new FakeRootKeys();
        world.create("k");
        try (RootKey key = new FakeRootKeyProvider(world).open(RootKeyRef.of("fake", "k", Map.of()), services)) {
            KeyHandle l2 = memory.random(32);
            RootKeyBlob v1 = key.wrap(l2, CTX);
            world.rotate("k");
            assertThat(key.wrap(l2, CTX).keyVersion()).isEqualTo("2");
            assertThat(LeakWatch.sameKey(l2, key.unwrap(v1, CTX))).isTrue();
        }
    }

    @Test
    void scriptedFailuresComeInOrderThenCallsRecover() {
        FakeRootKeys world = new FakeRootKeys();
        world.create("k");
        world.failNext(Failure.UNAVAILABLE, 2);
        try (RootKey key = new FakeRootKeyProvider(world).open(RootKeyRef.of("fake", "k", Map.of()), services)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
            }
            key.probe(CTX);
            assertThat(world.calls()).isEqualTo(3);
            assertThat(world.operations()).containsExactly("probe k", "probe k", "probe k");
        }
    }

    @AfterEach
    void closeMemory() {
        memory.close();
    }
}
