package dev.krypton.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory-dump test: a child JVM holds a known AES-256 key in secure memory and uses it through
 * an engine in every operation that takes a key; this test reads the child's whole memory
 * ({@code /proc/PID/smaps} + {@code /proc/PID/mem}) while the key is live and again after the wipe,
 * and a core dump ({@code gcore}) while it is live. A separate process, because the test's own
 * heap holds the patterns it searches for.
 *
 * <p>What is searched: the key, and the AES key schedules an engine derives from it. Every layout
 * OpenSSL uses holds some round keys unmodified: an encryption schedule starts with the key (round
 * keys 0 and 1); a decryption schedule (RFC 3394/5649 unwrap) starts with the last round key and
 * ends with the first, the ones between being transformed. AES-NI and OpenSSL's x86-64 assembly
 * store round keys in byte order, OpenSSL's portable C code and the JDK as 32-bit words
 * (byte-swapped on little-endian), so each pattern is searched in both forms. Against the old pooled
 * contexts this found, outside the slabs, four encryption schedules (GCM both ways, both wraps)
 * and two decryption schedules (both unwraps), in the process and in the dump. Hits are split into secure mappings (mlocked and
 * MADV_DONTDUMP, the slabs) and everything else; /proc/PID/mem reads the slabs too, which is why
 * the key is found there while live: it proves the search works.
 */
class KeyDumpTest {
    @TempDir
    Path dir;

    /** Named byte patterns; hit counts are reported in the same order. */
    record Patterns(List<String> names, List<byte[]> bytes) {
        static Patterns of(byte[] key) {
            byte[] schedule = Aes256Schedule.expand(key);
            Map<String, byte[]> plain = new LinkedHashMap<>();
            plain.put("key", key);
            plain.put("first round key", Arrays.copyOfRange(schedule, 0, 16));
            plain.put("last round key", Arrays.copyOfRange(schedule, 224, 240));
            plain.put("round keys 2-14", Arrays.copyOfRange(schedule, 32, 240));
            List<String> names = new ArrayList<>();
            List<byte[]> bytes = new ArrayList<>();
            plain.forEach((name, pattern) -> {
                names.add(name);
                bytes.add(pattern);
                names.add(name + " as words");
                bytes.add(Aes256Schedule.wordSwapped(pattern));
            });
            return new Patterns(names, bytes);
        }

        Map<String, Integer> named(int[] hits) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (int i = 0; i < hits.length; i++) {
                if (hits[i] != 0) {
                    out.put(names.get(i), hits[i]);
                }
            }
            return out;
        }
    }

    /** Non-zero hit counts by pattern name: live (secure and outside), after the wipe, and in the core dump. */
    record Run(Map<String, Integer> liveSecure, Map<String, Integer> liveOutside, Map<String, Integer> afterWipe,
               Map<String, Integer> core) {
    }

    @Test
    void scheduleOfTheFips197KeyMatchesAppendixA3() {
        byte[] schedule = Aes256Schedule.expand(HexFormat.of().parseHex(
                "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"));
        assertThat(HexFormat.of().formatHex(schedule, 32, 36)).isEqualTo("9ba35411");
        assertThat(HexFormat.of().formatHex(schedule, 236, 240)).isEqualTo("706c631e");
    }

    @Test
    void nativeEngineKeepsKeyAndSchedulesOnlyInSecureMemory() throws Exception {
        Run run = run("native");
        System.out.println("[key-dump] native: " + run);
        assertThat(run.liveSecure()).as("key found in the secure slab while live").containsKey("key");
        assertThat(run.liveOutside()).as("key or schedule outside locked, dump-excluded memory while live").isEmpty();
        assertThat(run.core()).as("key or schedule in a core dump taken while the key is live").isEmpty();
        assertThat(run.afterWipe()).as("key or schedule anywhere after the wipe").isEmpty();
    }

    @Test
    void jceEngineLeavesHeapCopiesBehind() throws Exception {
        Run run = run("jce");
        System.out.println("[key-dump] jce: " + run);
        assertThat(run.liveSecure()).containsKey("key");
        assertThat(run.afterWipe()).as("JCE heap copies survive the wipe").isNotEmpty();
    }

    private Run run(String engine) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Patterns patterns = Patterns.of(key);
        Path keyFile = dir.resolve("key");
        Files.write(keyFile, key);
        try (ChildJvm child = new ChildJvm(KeyDumpChild.class, engine, keyFile.toString())) {
            child.await("READY");
            Files.delete(keyFile);
            ProcessMemory.Counts live = ProcessMemory.count(child.pid(), patterns.bytes());
            Map<String, Integer> core = engine.equals("native")
                    ? patterns.named(ProcessMemory.countInFile(gcore(child.pid()), patterns.bytes())) : Map.of();
            child.send("wipe");
            child.await("WIPED");
            ProcessMemory.Counts after = ProcessMemory.count(child.pid(), patterns.bytes());
            child.send("exit");
            int[] afterAll = new int[patterns.bytes().size()];
            Arrays.setAll(afterAll, i -> after.secure()[i] + after.outside()[i]);
            return new Run(patterns.named(live.secure()), patterns.named(live.outside()), patterns.named(afterAll), core);
        }
    }

    private Path gcore(long pid) throws Exception {
        Path prefix = dir.resolve("core");
        Process gcore = new ProcessBuilder("gcore", "-o", prefix.toString(), Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(dir.resolve("gcore.log").toFile()).start();
        assertThat(gcore.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path core = Path.of(prefix + "." + pid);
        assertThat(core).exists();
        return core;
    }
}
