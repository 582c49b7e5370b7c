package dev.krypton.storage.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks for leftovers of destroyed key material in what a backend keeps at rest. A blob counts as
 * left over if any piece of {@link #PIECE} bytes of it is found (a wrapped key cut in two still
 * leaks the half), so the check also catches a partly overwritten copy.
 */
public final class Residue {

    /** Length of the pieces looked for; long enough that a random match in test data is impossible. */
    public static final int PIECE = 16;

    private Residue() {
    }

    /**
     * The contents of {@code file} and of its companions named {@code <file>-<suffix>} (such as a
     * SQLite database's {@code -wal}, {@code -shm} and {@code -journal}), by name.
     */
    public static Map<String, byte[]> files(Path file) {
        Map<String, byte[]> out = new TreeMap<>();
        String name = file.getFileName().toString();
        try (Stream<Path> list = Files.list(file.toAbsolutePath().getParent())) {
            for (Path p : list.filter(p -> p.getFileName().toString().equals(name)
                    || p.getFileName().toString().startsWith(name + "-")).toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Where pieces of {@code material} occur in {@code places}, as {@code name@offset}; empty if nowhere. */
    public static List<String> find(Map<String, byte[]> places, byte[] material) {
        List<String> hits = new ArrayList<>();
        for (byte[] piece : pieces(material)) {
            places.forEach((name, bytes) -> {
                int at = indexOf(bytes, piece);
                if (at >= 0) {
                    hits.add(name + "@" + at);
                }
            });
        }
        return hits;
    }

    private static List<byte[]> pieces(byte[] material) {
        if (material.length <= PIECE) {
            return List.of(material.clone());
        }
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off + PIECE <= material.length; off += PIECE) {
            out.add(Arrays.copyOfRange(material, off, off + PIECE));
        }
        out.add(Arrays.copyOfRange(material, material.length - PIECE, material.length));
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
