package dev.krypton.crypto;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one FFM downcall to a trivial libcrypto function ({@code OPENSSL_version_major}),
 * bound normally and as a critical call (no thread-state transition), in ns/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FfmCallBenchmark {

    @Benchmark
    public int downcall() throws Throwable {
        return (int) OpenSsl.VERSION_MAJOR.invokeExact();
    }

    @Benchmark
    public int criticalDowncall() throws Throwable {
        return (int) OpenSsl.VERSION_MAJOR_CRITICAL.invokeExact();
    }
}
