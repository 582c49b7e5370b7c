package dev.krypton.rootkey.kmip;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.WrapContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: latency of one wrap, one unwrap and one probe of a 32-byte L2 against the REAL PyKMIP server
 * (AES-GCM, TLS 1.2, pooled connection, so no handshake per call). Run as shown in docs/rootkeys.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class KmipLatency {

    private static final WrapContext CTX = new WrapContext("tenant-bench", "eu-central-1");
    private Path dir;
    private KmipFixture kmip;
    private SecureMemory memory;
    private RootKey key;
    private KeyHandle l2;
    private RootKeyBlob blob;

    @Setup
    public void start() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("krypton-kmip-bench");
        kmip = KmipFixture.start(dir);
        memory = SecureMemory.open(SecureMemory.Options.defaults());
        key = new KmipRootKeyProvider().open(kmip.ref(kmip.createKey(true), Map.of()),
                new KeyServices(memory, CryptoEngines.select()));
        l2 = memory.random(32);
        blob = key.wrap(l2, CTX);
    }

    @Benchmark
    public RootKeyBlob wrap() {
        return key.wrap(l2, CTX);
    }

    @Benchmark
    public void unwrap() {
        key.unwrap(blob, CTX).wipe();
    }

    @Benchmark
    public void probe() {
        key.probe(CTX);
    }

    @TearDown
    public void stop() throws InterruptedException, IOException {
        key.close();
        memory.close();
        kmip.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
