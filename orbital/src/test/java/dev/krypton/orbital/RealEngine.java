package dev.krypton.orbital;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.CipherMode;
import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.DecryptRequest;
import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.engine.Engine;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.Principal;
import dev.krypton.engine.TenantCommands;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.rootkey.tck.ForwardingRootKey;
import dev.krypton.storage.Storage;
import dev.krypton.storage.tck.MemoryStorage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The real engine (tenants, L2/L3 in secure memory, fail-closed) over the in-memory storage of
 * storage-tck and the fake KMS of rootkey-tck. Root keys whose id starts with {@code slow} take
 * {@link #slowLatency} per wrap/unwrap, like a distant cloud KMS. Principals follow the upstream
 * policy (CN equals tenant id).
 */
public final class RealEngine implements AutoCloseable {

    /** Provider name to use in tasks. */
    public static final String PROVIDER = FakeRootKeyProvider.NAME;

    private final FakeRootKeys kms;
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final Engine engine;
    private final SecureRandom random = new SecureRandom();
    private volatile Duration slowLatency = Duration.ZERO;

    /** Builds and starts the engine over {@code storage}; root keys key-1, key-2 and slow-key exist. */
    public RealEngine(MemoryStorage storage) {
        this(storage, new FakeRootKeys(), ClusterOptions.defaults());
    }

    /** One node of a cluster: the storage and the fake KMS are shared with the other nodes. */
    public RealEngine(Storage storage, FakeRootKeys kms, ClusterOptions cluster) {
        this.kms = kms;
        for (String k : List.of("key-1", "key-2", "slow-key", "fast-key")) {
            kms.create(k);
        }
        AuditSink quiet = new AuditSink() {
            @Override
            public void record(AuditEvent event) {
            }

            @Override
            public void recordDurably(AuditEvent event) {
            }
        };
        engine = Engine.builder().storage(storage).memory(memory).crypto(CryptoEngines.select())
                .rootKeyProviders(List.of(new Slowed(new FakeRootKeyProvider(kms))))
                .policy(Policy::upstreamOnly).audit(quiet).manualHealthChecks().cluster(cluster).build();
        engine.start();
    }

    public TenantCommands commands() {
        return engine.commands();
    }

    public KeyOperations operations() {
        return engine.operations();
    }

    /** Each wrap/unwrap under a {@code slow*} root key takes this long. */
    public void slowLatency(Duration latency) {
        this.slowLatency = latency;
    }

    /**
     * Creates a KEK for an ACTIVE tenant, wraps a random DEK under it (KMIP Encrypt) and returns
     * a probe that is true while the DEK still unwraps (KMIP Decrypt) to the same bytes.
     */
    public BooleanSupplier wrappedKeyOf(String tenant) {
        Principal who = Principal.of(tenant);
        String uid = operations().createKek(who, TenantId.of(tenant), "orbital-test").uid();
        byte[] dek = new byte[32];
        random.nextBytes(dek);
        EncryptResult wrapped = operations().encrypt(who, EncryptRequest.gcm(uid, dek, new byte[0]));
        return () -> {
            try {
                return java.util.Arrays.equals(dek,
                        operations().decrypt(who, DecryptRequest.of(wrapped, CipherMode.GCM, new byte[0])));
            } catch (EngineException e) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        engine.close();
        memory.close();
    }

    private final class Slowed implements RootKeyProvider {
        private final RootKeyProvider inner;

        Slowed(RootKeyProvider inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public RootKey open(RootKeyRef ref, KeyServices services) {
            RootKey key = inner.open(ref, services);
            boolean slow = ref.keyId().startsWith("slow");
            return new ForwardingRootKey(key) {
                @Override
                public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
                    pause(slow);
                    return key.wrap(l2, context);
                }
                @Override
                public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
                    pause(slow);
                    return key.unwrap(blob, context);
                }
            };
        }

        private void pause(boolean slow) {
            if (slow && !slowLatency.isZero()) {
                try {
                    Thread.sleep(slowLatency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
