package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.rootkey.tck.ForwardingRootKey;
import dev.krypton.storage.TenantState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Start-up re-unseal: a second node over the same storage starts at once, refuses the
 * tenants it has not loaded yet as retryable (never Permission Denied, never a wrong answer),
 * loads them in the background within its parallelism and rate limits, retries UNAVAILABLE root
 * keys, fails DENIED ones closed, and reports its progress.
 */
class StartupUnsealTest {

    private static final Duration FAST_RETRY = Duration.ofMillis(10);

    /** One linked tenant with a KEK and a DEK sealed under it. */
    private record Sealed(TenantId tenant, EncryptResult sealed, byte[] dek) {
    }

    private static List<Sealed> tenants(Fixture a, int n, RootKeyRef rootKey) {
        List<Sealed> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TenantId t = TenantId.of(rootKey.keyId() + "-tenant-" + i);
            a.commands.execute(new TenantCommand.Link(t, rootKey));
            String uid = a.ops.createKek(Principal.of(t.value()), t, "k").uid();
            byte[] dek = a.random(32);
            out.add(new Sealed(t, a.ops.encrypt(Principal.of(t.value()), EncryptRequest.gcm(uid, dek, new byte[0])), dek));
        }
        return out;
    }

    private static Engine node(Fixture a, RootKeyProvider provider, StartupOptions startup, CollectingAudit audit) {
        return Engine.builder().storage(a.storage).memory(a.memory).crypto(a.crypto)
                .rootKeyProviders(List.of(provider)).policy(Policy::upstreamOnly).audit(audit)
                .startup(startup).manualHealthChecks().build();
    }

    /** The decrypt's outcome: null when it returned the right DEK, else the refusal's code. */
    private static ErrorCode decrypt(Engine node, Sealed s) {
        try {
            byte[] out = node.operations().decrypt(Principal.of(s.tenant().value()),
                    DecryptRequest.of(s.sealed(), CipherMode.GCM, new byte[0]));
            assertThat(out).as("a decrypt that succeeds returns the right DEK").isEqualTo(s.dek());
            return null;
        } catch (EngineException e) {
            return e.code();
        }
    }

    /** Waits for background work; fails after 30 s (a bound, not a timing assertion). */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void startReturnsAtOnceAndRefusesUnloadedTenantsAsRetryableUntilTheyLoad() throws Exception {
        try (Fixture a = new Fixture()) {
            List<Sealed> all = tenants(a, 20, a.rootKey);
            a.kms.hang();
            try (Engine b = node(a, new FakeRootKeyProvider(a.kms), StartupOptions.defaults(), new CollectingAudit())) {
                b.start();
                StartupProgress p = b.startupProgress();
                assertThat(p.total()).isEqualTo(20);
                assertThat(p.pending()).isEqualTo(20);
                assertThat(p.unsealed()).isZero();
                for (Sealed s : all) {
                    assertThat(decrypt(b, s)).as("tenant ACTIVE in storage, not loaded yet").isEqualTo(ErrorCode.UNAVAILABLE);
                }
                assertThat(ErrorCode.UNAVAILABLE.retryable()).isTrue();
                Principal owner = Principal.of(all.get(0).tenant().value());
                try {
                    b.operations().locate(owner, LocateQuery.any().withTenant(all.get(0).tenant()));
                    throw new AssertionError("Locate in a tenant not unsealed yet must not answer (it would miss its objects)");
                } catch (EngineException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                }

                a.kms.release();
                assertThat(b.awaitStartup(Duration.ofSeconds(30))).isTrue();
                eventually(() -> b.startupProgress().complete());
                p = b.startupProgress();
                assertThat(p.unsealed()).isEqualTo(20);
                assertThat(p.failed() + p.retrying() + p.skipped() + p.pending()).isZero();
                for (Sealed s : all) {
                    assertThat(decrypt(b, s)).isNull();
                }
                assertThat(b.operations().locate(owner, LocateQuery.any().withTenant(all.get(0).tenant()))).hasSize(1);
            }
        }
    }

    @Test
    void deniedRootKeyAtStartFailsClosedAndIsAudited() throws Exception {
        try (Fixture a = new Fixture()) {
            List<Sealed> good = tenants(a, 3, a.rootKey);
            List<Sealed> revoked = tenants(a, 4, a.otherRootKey);
            a.kms.setState(a.otherRootKey.keyId(), FakeRootKeys.KeyState.DISABLED);
            CollectingAudit audit = new CollectingAudit();
            try (Engine b = node(a, new FakeRootKeyProvider(a.kms), StartupOptions.defaults(), audit)) {
                b.start();
                assertThat(b.awaitStartup(Duration.ofSeconds(30))).isTrue();
                eventually(() -> b.startupProgress().complete());
                StartupProgress p = b.startupProgress();
                assertThat(p.unsealed()).isEqualTo(3);
                assertThat(p.failed()).isEqualTo(4);
                assertThat(p.denied()).isEqualTo(4);
                for (Sealed s : good) {
                    assertThat(decrypt(b, s)).isNull();
                }
                for (Sealed s : revoked) {
                    assertThat(decrypt(b, s)).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(a.storage.tenant(s.tenant().value()).orElseThrow().state()).isEqualTo(TenantState.ROOT_REVOKED);
                    assertThat(audit.events).anyMatch(e -> e.kind() == AuditKind.ZEROIZE
                            && e.tenant().equals(s.tenant().value()) && e.detail().contains("root key denied at start-up"));
                }
            }
        }
    }

    @Test
    void unavailableRootKeyIsRetriedUntilItAnswers() throws Exception {
        try (Fixture a = new Fixture()) {
            List<Sealed> all = tenants(a, 5, a.rootKey);
            a.kms.setReachable(false);
            StartupOptions retryFast = StartupOptions.defaults().withBackoff(FAST_RETRY, Duration.ofMillis(50));
            try (Engine b = node(a, new FakeRootKeyProvider(a.kms), retryFast, new CollectingAudit())) {
                b.start();
                assertThat(b.awaitStartup(Duration.ofSeconds(30))).isTrue();
                StartupProgress p = b.startupProgress();
                assertThat(p.retrying()).isEqualTo(5);
                assertThat(p.pending()).isEqualTo(5);
                assertThat(p.failed()).isZero();
                int callsWhileDown = a.kms.calls();
                eventually(() -> a.kms.calls() > callsWhileDown + 5);
                for (Sealed s : all) {
                    assertThat(decrypt(b, s)).as("still unavailable: retryable, not denied").isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(a.storage.tenant(s.tenant().value()).orElseThrow().state()).isEqualTo(TenantState.ACTIVE);
                }

                a.kms.setReachable(true);
                eventually(() -> b.startupProgress().complete());
                assertThat(b.startupProgress().unsealed()).isEqualTo(5);
                assertThat(b.startupProgress().retrying()).isZero();
                for (Sealed s : all) {
                    assertThat(decrypt(b, s)).isNull();
                }
            }
        }
    }

    @Test
    void tenantUnlinkedWhileWaitingIsDeniedAtOnceAndSkipped() throws Exception {
        try (Fixture a = new Fixture()) {
            List<Sealed> all = tenants(a, 2, a.rootKey);
            a.kms.setReachable(false);
            StartupOptions retryFast = StartupOptions.defaults().withBackoff(FAST_RETRY, Duration.ofMillis(50));
            try (Engine b = node(a, new FakeRootKeyProvider(a.kms), retryFast, new CollectingAudit())) {
                b.start();
                assertThat(b.awaitStartup(Duration.ofSeconds(30))).isTrue();
                Sealed gone = all.get(0);
                b.commands().execute(new TenantCommand.Unlink(gone.tenant()));
                assertThat(decrypt(b, gone)).isEqualTo(ErrorCode.PERMISSION_DENIED);

                a.kms.setReachable(true);
                eventually(() -> b.startupProgress().complete());
                assertThat(b.startupProgress().skipped()).isEqualTo(1);
                assertThat(b.startupProgress().unsealed()).isEqualTo(1);
                assertThat(decrypt(b, gone)).isEqualTo(ErrorCode.PERMISSION_DENIED);
                assertThat(decrypt(b, all.get(1))).isNull();
            }
        }
    }

    @Test
    void parallelismBoundsRootKeyCallsInFlight() throws Exception {
        try (Fixture a = new Fixture()) {
            tenants(a, 24, a.rootKey);
            Counting counting = new Counting(new FakeRootKeyProvider(a.kms), Duration.ofMillis(20));
            try (Engine b = node(a, counting, StartupOptions.defaults().withParallelism(3), new CollectingAudit())) {
                b.start();
                eventually(() -> b.startupProgress().complete());
                assertThat(b.startupProgress().unsealed()).isEqualTo(24);
                assertThat(counting.unwraps.get()).isEqualTo(24);
                assertThat(counting.maxInFlight.get()).isBetween(1, 3);
            }
        }
    }

    @Test
    void rateLimitSpacesCallsToOneProvider() throws Exception {
        try (Fixture a = new Fixture()) {
            tenants(a, 11, a.rootKey);
            StartupOptions limited = StartupOptions.defaults().withRateLimits(Map.of(FakeRootKeyProvider.NAME, 50.0));
            try (Engine b = node(a, new FakeRootKeyProvider(a.kms), limited, new CollectingAudit())) {
                long start = System.nanoTime();
                b.start();
                eventually(() -> b.startupProgress().complete());
                long elapsed = System.nanoTime() - start;
                assertThat(b.startupProgress().unsealed()).isEqualTo(11);
                assertThat(Duration.ofNanos(elapsed)).as("11 calls at most 50/s are at least 10 intervals of 20 ms apart")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void optionsRejectNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupOptions.defaults().withParallelism(0))
                .isInstanceOf(EngineException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupOptions.defaults().withRateLimits(Map.of("x", 0.0)))
                .isInstanceOf(EngineException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StartupOptions.defaults()
                .withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(EngineException.class);
    }

    /** Passes calls through, counting unwraps and the most of them in flight at once. */
    private static final class Counting implements RootKeyProvider {
        private final RootKeyProvider inner;
        private final Duration latency;
        final AtomicInteger unwraps = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Counting(RootKeyProvider inner, Duration latency) {
            this.inner = inner;
            this.latency = latency;
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
                public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(latency);
                        unwraps.incrementAndGet();
                        return key.unwrap(blob, context);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw dev.krypton.rootkey.RootKeyException.unavailable("interrupted");
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            };
        }
    }

}
