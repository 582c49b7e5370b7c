package dev.krypton.engine.bench;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.CipherMode;
import dev.krypton.engine.DecryptRequest;
import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.engine.Engine;
import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.ObjectTemplate;
import dev.krypton.engine.Principal;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import dev.krypton.engine.policy.Policy;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.storage.tck.MemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * L4 unwrap through the whole engine: policy check, in-memory tenant check, key loan, AES-GCM or
 * AES-KW with the selected crypto engine, and an audit event into a real hash-chained audit log
 * with fsync per batch. {@code unwrapGcmTenantKey} uses a tenant AES key instead of an L3 KEK:
 * storage read, attribute decode, unwrap of the key under L2 for the call, then the GCM unwrap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(4)
public class EngineUnwrapBenchmark {

    private final Principal principal = Principal.of("acme");
    private Path dir;
    private AuditLog audit;
    private SecureMemory memory;
    private Engine engine;
    private KeyOperations ops;
    private DecryptRequest gcm;
    private DecryptRequest kw;
    private DecryptRequest tenantGcm;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("engine-bench");
        audit = AuditLog.open(dir.resolve("audit.jsonl"), AuditKeys.generate(), AuditOptions.defaults(), Clock.systemUTC());
        memory = SecureMemory.open(SecureMemory.Options.defaults());
        engine = Engine.builder().storage(new MemoryStorage()).memory(memory).crypto(CryptoEngines.select())
                .rootKeyProviders(List.of(new FakeRootKeyProvider())).policy(Policy::upstreamOnly).audit(audit)
                .manualHealthChecks().build();
        engine.start();
        engine.commands().execute(new TenantCommand.Link(TenantId.of("acme"), RootKeyRef.of("fake", "bench")));
        ops = engine.operations();
        String uid = ops.createKek(principal, TenantId.of("acme"), "bench").uid();
        byte[] dek = new byte[32];
        EncryptResult sealed = ops.encrypt(principal, EncryptRequest.gcm(uid, dek, "ctx".getBytes()));
        gcm = DecryptRequest.of(sealed, CipherMode.GCM, "ctx".getBytes());
        kw = DecryptRequest.unwrap(uid, CipherMode.KEY_WRAP,
                ops.encrypt(principal, EncryptRequest.wrap(uid, CipherMode.KEY_WRAP, dek)).ciphertext());
        String key = ops.create(principal, TenantId.of("acme"), ObjectTemplate.aes256("bench-key")).uid();
        tenantGcm = DecryptRequest.of(ops.encrypt(principal, EncryptRequest.gcm(key, dek, "ctx".getBytes())), CipherMode.GCM,
                "ctx".getBytes());
    }

    @TearDown
    public void tearDown() throws IOException {
        engine.close();
        memory.close();
        audit.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public byte[] unwrapGcm() {
        return ops.decrypt(principal, gcm);
    }

    @Benchmark
    public byte[] unwrapGcmTenantKey() {
        return ops.decrypt(principal, tenantGcm);
    }

    @Benchmark
    public byte[] unwrapKeyWrap() {
        return ops.decrypt(principal, kw);
    }
}
