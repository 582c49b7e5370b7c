package dev.krypton.storage.tck;

import dev.krypton.storage.StorageConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a child JVM on the current (test) class path running one of the kit's main classes, with
 * the storage configuration passed as {@code backend key=value...} arguments.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with the configuration followed by {@code extra} arguments; stderr is inherited. */
    public static Process start(Class<?> mainClass, StorageConfig config, String... extra) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), mainClass.getName(), config.backend()));
        for (Map.Entry<String, String> e : config.settings().entrySet()) {
            command.add(e.getKey() + "=" + e.getValue());
        }
        command.add("--");
        command.addAll(List.of(extra));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM", e);
        }
    }

    /** Parses {@code backend key=value... -- extra...} as written by {@link #start}; returns the config, fills {@code extra}. */
    public static StorageConfig parse(String[] args, List<String> extra) {
        Map<String, String> settings = new java.util.TreeMap<>();
        int i = 1;
        for (; i < args.length && !args[i].equals("--"); i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        for (i++; i < args.length; i++) {
            extra.add(args[i]);
        }
        return new StorageConfig(args[0], settings);
    }
}
