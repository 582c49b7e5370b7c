package dev.krypton.engine;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.health.HealthPolicy;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.Storage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One node of a test cluster: a real engine over the storage it is given (shared with the other
 * members), the shared fake KMS, its own secure memory and cluster options, on the real clock.
 */
final class Member implements AutoCloseable {

    static final RootKeyRef ROOT_KEY = RootKeyRef.of("fake", "key-a");

    final Storage storage;
    final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    final CollectingAudit audit = new CollectingAudit();
    final Engine engine;
    final TenantCommands commands;
    final KeyOperations ops;

    Member(Storage storage, FakeRootKeys kms, ClusterOptions cluster) {
        this.storage = storage;
        kms.create("key-a");
        engine = Engine.builder().storage(storage).memory(memory).crypto(CryptoEngines.select())
                .rootKeyProviders(List.of(new FakeRootKeyProvider(kms))).policy(Policy::upstreamOnly).audit(audit)
                .healthPolicy(new HealthPolicy(Duration.ofMinutes(1), 0, Duration.ofMinutes(10)))
                .manualHealthChecks().cluster(cluster).build();
        engine.start();
        commands = engine.commands();
        ops = engine.operations();
    }

    /** Links {@code tenant}, makes a KEK and seals a DEK under it. */
    Sealed seal(String tenant, byte[] dek) {
        commands.execute(new TenantCommand.Link(TenantId.of(tenant), ROOT_KEY));
        String kek = ops.createKek(Principal.of(tenant), TenantId.of(tenant), "k").uid();
        return new Sealed(tenant, ops.encrypt(Principal.of(tenant), EncryptRequest.gcm(kek, dek, new byte[0])), dek.clone());
    }

    /** Whether this node unwraps the sealed DEK now; null when it refused with the code given to {@link #refusal}. */
    boolean serves(Sealed s) {
        return refusal(s) == null;
    }

    /** Why this node refuses to unwrap {@code s}, or null when it unwraps it correctly. */
    ErrorCode refusal(Sealed s) {
        try {
            byte[] out = ops.decrypt(Principal.of(s.tenant), DecryptRequest.of(s.result, CipherMode.GCM, new byte[0]));
            if (!Arrays.equals(out, s.dek)) {
                throw new AssertionError("unwrapped a different DEK");
            }
            return null;
        } catch (EngineException e) {
            return e.code();
        }
    }

    /** Waits for a condition of an asynchronous process; fails after 30 s (a bound, not a timing assertion). */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        engine.close();
        memory.close();
    }

    /** A DEK sealed under a tenant's KEK. */
    record Sealed(String tenant, EncryptResult result, byte[] dek) {
    }
}
