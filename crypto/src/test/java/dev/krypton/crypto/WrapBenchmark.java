package dev.krypton.crypto;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Wrap and unwrap of a 32-byte DEK under a 256-bit KEK, AES-256-GCM (12-byte IV, 16-byte tag,
 * Krypton-style AAD) and AES-KWP, per engine, single thread: ops/s per core. Not run by verify; see
 * the bench profile in crypto/pom.xml.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class WrapBenchmark {
    @Param({"native", "jce"})
    public String engineName;

    private CryptoEngine engine;
    private SecureMemory memory;
    private KeyHandle kek;
    private final byte[] dek = new byte[32];
    private final byte[] iv = new byte[12];
    private final byte[] aad = "tenant-1:kek-a:3:0:1764300000000000000".getBytes(StandardCharsets.UTF_8);
    private byte[] gcmBlob;
    private byte[] kwpBlob;

    @Setup(Level.Trial)
    public void setUp() {
        engine = engineName.equals("native") ? NativeEngine.load() : new JceEngine();
        memory = SecureMemory.open(SecureMemory.Options.defaults());
        kek = memory.random(32);
        gcmBlob = engine.gcmEncrypt(kek, iv, aad, dek, 16);
        kwpBlob = engine.keyWrapPad(kek, dek);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
    }

    @Benchmark
    public byte[] gcmWrap() {
        return engine.gcmEncrypt(kek, iv, aad, dek, 16);
    }

    @Benchmark
    public byte[] gcmUnwrap() {
        return engine.gcmDecrypt(kek, iv, aad, gcmBlob, 16);
    }

    @Benchmark
    public byte[] kwpWrap() {
        return engine.keyWrapPad(kek, dek);
    }

    @Benchmark
    public byte[] kwpUnwrap() {
        return engine.keyUnwrapPad(kek, kwpBlob);
    }
}
