package dev.krypton.it.restart;

import dev.krypton.app.node.DevRootKeys;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.engine.Engine;
import dev.krypton.engine.Principal;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.PolicyParser;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates linked tenants fast, straight through the engine against the store the nodes will use
 * (no listeners, no per-command fsync of an audit log): each tenant is linked to the {@code local}
 * root key {@code keyId} in {@code keyFolder}, gets one KEK, and every {@code sampleEvery}-th one
 * also a DEK sealed under it, kept to check later that the restarted nodes decrypt it.
 */
final class TenantSeeder {

    static final String PRINCIPAL = "restart-seeder";

    /** A DEK sealed by a tenant's KEK before the restart. */
    record Sample(String tenant, EncryptResult sealed, byte[] dek) {
    }

    private static final AuditSink NO_AUDIT = new AuditSink() {
        @Override
        public void record(AuditEvent event) {
        }

        @Override
        public void recordDurably(AuditEvent event) {
        }
    };

    private TenantSeeder() {
    }

    static List<Sample> seed(StorageConfig store, Path keyFolder, String keyId, int tenants, int sampleEvery,
                             int threads) throws Exception {
        SecureRandom random = new SecureRandom();
        var policy = PolicyParser.parse("grants:\n  - principal: " + PRINCIPAL + "\n    tenants: ['*']\n    operations: ['*']\n");
        try (Storage storage = StorageProviders.open(store);
             SecureMemory memory = SecureMemory.open(new SecureMemory.Options(64 * 1024, 512, false));
             Engine engine = Engine.builder().storage(storage).memory(memory).crypto(CryptoEngines.select())
                     .rootKeyProviders(List.of(new DevRootKeys(keyFolder))).policy(() -> policy).audit(NO_AUDIT)
                     .manualHealthChecks()
                     // A seeding tool, not a serving node: the revocation-staleness bound is off so its
                     // own poll (slow while 16 threads write) cannot refuse the seeding commands.
                     .cluster(dev.krypton.engine.ClusterOptions.of("seeder").withStaleness(java.time.Duration.ZERO)).build();
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            engine.start();
            List<Future<Sample>> made = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                boolean sample = i % sampleEvery == 0;
                TenantId tenant = TenantId.of(String.format("tenant-%05d", i));
                java.util.concurrent.Callable<Sample> one = () -> {
                    engine.commands().execute(new TenantCommand.Link(tenant, RootKeyRef.of("local", keyId)));
                    String uid = engine.operations().createKek(Principal.of(PRINCIPAL), tenant, "k").uid();
                    if (!sample) {
                        return null;
                    }
                    byte[] dek = new byte[32];
                    random.nextBytes(dek);
                    return new Sample(tenant.value(), engine.operations().encrypt(Principal.of(PRINCIPAL),
                            EncryptRequest.gcm(uid, dek, new byte[0])), dek);
                };
                made.add(i == 0 ? java.util.concurrent.CompletableFuture.completedFuture(one.call()) : pool.submit(one));
            }
            List<Sample> samples = new ArrayList<>();
            for (Future<Sample> f : made) {
                Sample s = f.get();
                if (s != null) {
                    samples.add(s);
                }
            }
            return samples;
        }
    }
}
