package dev.krypton.engine;

import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.health.HealthPolicy;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.rootkey.tck.ForwardingRootKey;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real engine over the fakes: the in-memory storage (inspected), the controllable fake KMS of
 * rootkey-tck, real secure memory and the selected crypto engine. The fake KMS is wrapped so tests
 * can learn each L2 the engine wraps, to check that no plaintext key ever reaches storage.
 */
final class Fixture implements AutoCloseable {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final InspectingStorage storage;
    final FakeRootKeys kms;
    final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    final CryptoEngine crypto = CryptoEngines.select();
    final CollectingAudit audit = new CollectingAudit();
    final ManualClock clock = new ManualClock();
    final List<byte[]> wrappedL2s = new CopyOnWriteArrayList<>();
    final Engine engine;
    final TenantCommands commands;
    final KeyOperations ops;
    final TenantId tenant = TenantId.of("acme");
    final RootKeyRef rootKey = RootKeyRef.of("fake", "key-a");
    final RootKeyRef otherRootKey = RootKeyRef.of("fake", "key-b");
    final Principal principal = Principal.of("acme");
    private final SecureRandom random = new SecureRandom();

    Fixture() {
        this(EngineOptions.defaults());
    }

    Fixture(EngineOptions options) {
        this(options, Policy.upstreamOnly());
    }

    Fixture(EngineOptions options, Policy policy) {
        this(options, policy, new InspectingStorage(), new FakeRootKeys());
    }

    /** Another node of the same region: same storage, same KMS, its own memory and engine. */
    Fixture(Fixture sameRegion) {
        this(EngineOptions.defaults(), Policy.upstreamOnly(), sameRegion.storage, sameRegion.kms);
    }

    private Fixture(EngineOptions options, Policy policy, InspectingStorage storage, FakeRootKeys kms) {
        this.storage = storage;
        this.kms = kms;
        kms.create("key-a");
        kms.create("key-b");
        engine = Engine.builder().storage(storage).memory(memory).crypto(crypto)
                .rootKeyProviders(List.of(new SpyProvider(new FakeRootKeyProvider(kms))))
                .policy(() -> policy).audit(audit).clock(clock).options(options)
                .healthPolicy(new HealthPolicy(Duration.ofMinutes(1), 0, Duration.ofMinutes(10)))
                .manualHealthChecks().build();
        engine.start();
        try {
            if (!engine.awaitStartup(Duration.ofSeconds(30))) {
                throw new AssertionError("start-up unseal did not try every tenant within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        commands = engine.commands();
        ops = engine.operations();
    }

    CommandResult link() {
        return commands.execute(new TenantCommand.Link(tenant, rootKey));
    }

    byte[] random(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    void rotateRootKeyVersion() {
        kms.rotate("key-a");
    }

    @Override
    public void close() {
        engine.close();
        memory.close();
    }

    /** Passes everything to the fake provider, keeping a copy of each L2 it is asked to wrap. */
    private final class SpyProvider implements RootKeyProvider {
        private final RootKeyProvider inner;

        SpyProvider(RootKeyProvider inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public RootKey open(dev.krypton.rootkey.RootKeyRef ref, KeyServices services) {
            RootKey key = inner.open(ref, services);
            return new ForwardingRootKey(key) {
                @Override
                public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
                    wrappedL2s.add(l2.withKey(s -> s.toArray(ValueLayout.JAVA_BYTE)));
                    return key.wrap(l2, context);
                }
            };
        }
    }
}
