package dev.krypton.crypto;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches another process's memory for byte patterns by reading {@code /proc/PID/smaps} and then
 * {@code /proc/PID/mem} (needs ptrace rights; the tests run as root). This reads pages marked
 * MADV_DONTDUMP too: that flag only keeps them out of core dumps. Each mapping is classed as secure
 * when its smaps {@code VmFlags} carry both {@code lo} (mlocked) and {@code dd} (MADV_DONTDUMP),
 * which is what {@link SecureMemory} asks of its slabs; every other mapping is outside.
 */
final class ProcessMemory {
    private static final int CHUNK = 1 << 20;

    /** Hits per pattern inside secure mappings and outside them. */
    record Counts(int[] secure, int[] outside) {
    }

    private record Region(long start, long end, boolean secure) {
    }

    private ProcessMemory() {
    }

    /** @return for each pattern, how many times it occurs in the readable memory of {@code pid} */
    static Counts count(long pid, List<byte[]> patterns) throws IOException {
        int[] secure = new int[patterns.size()];
        int[] outside = new int[patterns.size()];
        int overlap = patterns.stream().mapToInt(p -> p.length).max().orElse(0) - 1;
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            for (Region region : readableRegions(pid)) {
                scan(mem, region.start(), region.end(), patterns, overlap, region.secure() ? secure : outside);
            }
        }
        return new Counts(secure, outside);
    }

    /** @return how many times each pattern occurs in a file (a core dump) */
    static int[] countInFile(Path file, List<byte[]> patterns) throws IOException {
        int[] hits = new int[patterns.size()];
        int overlap = patterns.stream().mapToInt(p -> p.length).max().orElse(0) - 1;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            scan(raf, 0, raf.length(), patterns, overlap, hits);
        }
        return hits;
    }

    /** Mappings from smaps: a header line per mapping, then fields, the last of them VmFlags. */
    private static List<Region> readableRegions(long pid) throws IOException {
        List<Region> regions = new ArrayList<>();
        String[] header = null;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.startsWith("VmFlags:") && header != null) {
                List<String> flags = List.of(line.substring("VmFlags:".length()).trim().split("\\s+"));
                String[] range = header[0].split("-");
                boolean special = header.length > 5 && (header[5].equals("[vvar]") || header[5].equals("[vsyscall]"));
                if (header[1].charAt(0) == 'r' && !special) {
                    regions.add(new Region(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                            flags.contains("lo") && flags.contains("dd")));
                }
                header = null;
            } else if (line.split(" ", 2)[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                header = line.split("\\s+");
            }
        }
        return regions;
    }

    private static void scan(RandomAccessFile source, long start, long end, List<byte[]> patterns,
                             int overlap, int[] hits) {
        byte[] buffer = new byte[CHUNK + overlap];
        for (long at = start; at < end; at += CHUNK) {
            int want = (int) Math.min(buffer.length, end - at);
            int got;
            try {
                source.seek(at);
                got = source.read(buffer, 0, want);
            } catch (IOException unreadable) {
                return;
            }
            if (got <= 0) {
                return;
            }
            int limit = Math.min(got, CHUNK);
            for (int p = 0; p < patterns.size(); p++) {
                hits[p] += occurrences(buffer, got, limit, patterns.get(p));
            }
        }
    }

    /** Counts matches that start before {@code startLimit} (the rest belongs to the next chunk). */
    private static int occurrences(byte[] data, int length, int startLimit, byte[] pattern) {
        int count = 0;
        byte first = pattern[0];
        for (int i = 0; i < startLimit && i + pattern.length <= length; i++) {
            if (data[i] == first && matches(data, i, pattern)) {
                count++;
            }
        }
        return count;
    }

    private static boolean matches(byte[] data, int at, byte[] pattern) {
        for (int j = 1; j < pattern.length; j++) {
            if (data[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
