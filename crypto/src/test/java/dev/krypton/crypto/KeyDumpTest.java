package dev.krypton.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory-dump test of issue 3: a child JVM holds a known key in secure memory and uses it
 * through an engine; this test reads the child's whole memory (/proc/PID/maps + /proc/PID/mem)
 * before and after the wipe and counts the key bytes and the AES-256 key schedule (round keys 2-14,
 * in byte order and as little-endian int words). /proc/PID/mem reads MADV_DONTDUMP pages too,
 * which is why the "before" search finds the key in secure memory: it proves the search works.
 *
 * <p>For the native engine a core dump ({@code gcore}) is also taken before the wipe: it lacks the
 * secure-memory copy (MADV_DONTDUMP) but holds OpenSSL's pooled key schedules, whose first two
 * round keys are the key itself; production disables core dumps ({@link ProcessHardening}). With
 * the JCE engine thousands of heap copies (SecretKeySpec, cipher round-key int arrays) remain after
 * the wipe until the collector reuses their memory: the test asserts that truth.
 */
class KeyDumpTest {
    @TempDir
    Path dir;

    record Hits(int key, int schedule, int scheduleWords) {
        static Hits of(int[] counts) {
            return new Hits(counts[0], counts[1], counts[2]);
        }
    }

    record Run(Hits before, Hits after, Hits coreBefore) {
    }

    @Test
    void scheduleOfTheFips197KeyMatchesAppendixA3() {
        byte[] schedule = Aes256Schedule.expand(HexFormat.of().parseHex(
                "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"));
        assertThat(HexFormat.of().formatHex(schedule, 32, 36)).isEqualTo("9ba35411");
        assertThat(HexFormat.of().formatHex(schedule, 236, 240)).isEqualTo("706c631e");
    }

    @Test
    void nativeEngineLeavesNoKeyAndNoScheduleAfterWipe() throws Exception {
        Run run = run("native");
        System.out.println("[key-dump] native: " + run);
        assertThat(run.before().key()).as("key found before wipe").isPositive();
        assertThat(run.before().schedule()).as("OpenSSL key schedule found before wipe").isPositive();
        assertThat(run.after()).isEqualTo(new Hits(0, 0, 0));
        assertThat(run.coreBefore().key()).as("gcore skips the MADV_DONTDUMP secure pages, not OpenSSL's schedules")
                .isEqualTo(run.before().key() - 1);
    }

    @Test
    void jceEngineLeavesHeapCopiesBehind() throws Exception {
        Run run = run("jce");
        System.out.println("[key-dump] jce: " + run);
        assertThat(run.before().key()).isPositive();
        assertThat(run.after().key() + run.after().scheduleWords()).as("JCE heap copies survive the wipe").isPositive();
    }

    private Run run(String engine) throws Exception {
        boolean withCore = engine.equals("native");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] schedule = Aes256Schedule.expand(key);
        byte[] tail = Arrays.copyOfRange(schedule, 32, 240);
        List<byte[]> patterns = List.of(key, tail, Aes256Schedule.wordSwapped(tail));
        Path keyFile = dir.resolve("key");
        Files.write(keyFile, key);
        try (ChildJvm child = new ChildJvm(KeyDumpChild.class, engine, keyFile.toString())) {
            child.await("READY");
            Files.delete(keyFile);
            Hits before = Hits.of(ProcessMemory.count(child.pid(), patterns));
            Hits core = withCore ? Hits.of(ProcessMemory.countInFile(gcore(child.pid()), patterns)) : new Hits(-1, -1, -1);
            child.send("wipe");
            child.await("WIPED");
            Hits after = Hits.of(ProcessMemory.count(child.pid(), patterns));
            child.send("exit");
            return new Run(before, after, core);
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
