package dev.krypton.rootkey.local;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.RootKeyRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** JMH: latency of one wrap and one unwrap of a 32-byte L2 (local key file provider on the JCE or native engine). Run as shown in docs/rootkeys.md. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalLatency {

    private static final WrapContext CTX = new WrapContext("tenant-bench", "eu-central-1");
    private SecureMemory memory;
    private RootKey key;
    private KeyHandle l2;
    private RootKeyBlob blob;
    private Path dir;

    @Setup
    public void start() throws IOException {
        memory = SecureMemory.open(SecureMemory.Options.defaults());
        KeyServices services = new KeyServices(memory, CryptoEngines.select());
        dir = Files.createTempDirectory("krypton-bench");
        key = new LocalRootKeyProvider(LocalRootKeyProvider.Mode.DEVELOPMENT).open(RootKeyRef.of(LocalRootKeyProvider.NAME,
                "bench", Map.of("file", dir.resolve("root.key").toString())), services);
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

    @TearDown
    public void stop() throws IOException {
        key.close();
        memory.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
