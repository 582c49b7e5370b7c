package dev.krypton.rootkey.tck;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.resilience.TimeLimitedRootKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The kit run against the fake itself, so the engine's tests stand on a provider that conforms. */
class FakeConformanceTest extends RootKeyConformance {

    private final FakeRootKeys world = new FakeRootKeys();
    private final FakeRootKeyProvider provider = new FakeRootKeyProvider(world);

    FakeConformanceTest() {
        world.create("k1");
        world.create("k2");
        world.create("off");
        world.setState("off", FakeRootKeys.KeyState.DISABLED);
    }

    @AfterEach
    void release() {
        world.release();
    }

    private RootKey open(String keyId) {
        return provider.open(RootKeyRef.of(FakeRootKeyProvider.NAME, keyId, Map.of()), services);
    }

    @Override
    protected RootKey openKey() {
        return open("k1");
    }

    @Override
    protected RootKey openOtherKey() {
        return open("k2");
    }

    @Override
    protected RootKey openDisabledKey() {
        return open("off");
    }

    @Override
    protected RootKey openUnreachableKey() {
        world.setReachable(false);
        return open("k1");
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        world.hang();
        return Optional.of(new TimeLimitedRootKey(open("k1"), timeout));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> world.setState("k1", FakeRootKeys.KeyState.DISABLED));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of();
    }
}
