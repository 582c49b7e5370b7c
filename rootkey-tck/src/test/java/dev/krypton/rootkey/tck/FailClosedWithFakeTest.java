package dev.krypton.rootkey.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.health.HealthEvent;
import dev.krypton.rootkey.health.HealthPolicy;
import dev.krypton.rootkey.health.RootKeyHealth;
import dev.krypton.rootkey.resilience.CircuitBreaker;
import dev.krypton.rootkey.resilience.Resilience;
import dev.krypton.rootkey.resilience.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole fail-closed chain the engine wires: fake provider, resilience stack, probe scheduler,
 * driven by a hand-moved clock. Shows how to assemble it and that the pieces agree.
 */
class FailClosedWithFakeTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration TICK = Duration.ofSeconds(5);

    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final FakeRootKeys world = new FakeRootKeys();
    private final List<HealthEvent> events = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;
    private final RootKeyHealth health = new RootKeyHealth(new HealthPolicy(INTERVAL, 0.2, Duration.ofMinutes(30)),
            clock, new SplittableRandom(3), Runnable::run, events::add);
    private final Resilience resilience = new Resilience(Duration.ofSeconds(5), RetryPolicy.DEFAULT,
            new CircuitBreaker("fake", 3, Duration.ofMinutes(1), clock), d -> { }, new SplittableRandom(4));

    @AfterEach
    void close() {
        memory.close();
    }

    private RootKey link(String tenant) {
        world.create("root-" + tenant);
        RootKey key = resilience.decorate(new FakeRootKeyProvider(world).open(
                RootKeyRef.of(FakeRootKeyProvider.NAME, "root-" + tenant, Map.of()), services));
        WrapContext context = WrapContext.tenant(tenant);
        key.unwrap(key.wrap(memory.random(32), context), context).wipe();
        health.watch(tenant, key, context);
        return key;
    }

    private void run(Duration span) {
        for (Duration d = Duration.ZERO; d.compareTo(span) < 0; d = d.plus(TICK)) {
            now = now.plus(TICK);
            health.runDue();
        }
    }

    @Test
    void disablingOneTenantsRootKeyRevokesOnlyThatTenantWithinOneInterval() {
        link("a");
        link("b");
        run(Duration.ofMinutes(2));
        world.setState("root-a", FakeRootKeys.KeyState.DISABLED);
        run(INTERVAL);
        assertThat(events).containsExactly(new HealthEvent.Denied("a", "fake kms: key root-a is disabled"));
    }

    @Test
    void anOutageLongerThanAutonomyExpiresEveryTenantAndRecoveryRestoresThem() {
        link("a");
        link("b");
        world.setReachable(false);
        run(Duration.ofMinutes(40));
        assertThat(events).filteredOn(e -> e instanceof HealthEvent.AutonomyExpired).hasSize(2);
        world.setReachable(true);
        run(Duration.ofMinutes(7));
        assertThat(events).filteredOn(e -> e instanceof HealthEvent.Restored).hasSize(2);
    }
}
