package dev.krypton.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@code krypton} command as a child process (a JVM on the test class path, as the launcher
 * runs the jar): its standard output is collected line by line, standard error goes to a file.
 */
final class Child implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private Child(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
    }

    static Child start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new Child(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(workDir.resolve("stderr-" + System.nanoTime() + ".txt").toFile()).start());
    }

    /** Waits for a line containing {@code text} and returns it; fails after {@code seconds}. */
    String await(String text, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                all.add(line);
                if (line.contains(text)) {
                    return line;
                }
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line with '" + text + "' within " + seconds + " s; output so far: " + all);
    }

    /** Waits for the exit and returns the code, with every line printed. */
    int exit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not exit within " + seconds + " s; output: " + output());
        }
        Thread.sleep(200);
        return process.exitValue();
    }

    /** Every line printed so far. */
    List<String> output() {
        lines.drainTo(all);
        return List.copyOf(all);
    }

    /**
     * The last {@code audit checkpoint SEQ:HASH} a node logged to the standard error files of the
     * children started in {@code workDir}: what an operator ships off the node.
     */
    static String lastAuditCheckpoint(Path workDir) throws IOException {
        java.util.regex.Pattern checkpoint = java.util.regex.Pattern.compile("audit checkpoint (\\d+:[0-9a-f]{64})");
        String last = "";
        try (var files = java.nio.file.Files.list(workDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("stderr-"))
                    .sorted(java.util.Comparator.comparing(p -> p.toFile().lastModified())).toList()) {
                java.util.regex.Matcher m = checkpoint.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    last = m.group(1);
                }
            }
        }
        if (last.isEmpty()) {
            throw new AssertionError("no 'audit checkpoint' line in the standard error of " + workDir);
        }
        return last;
    }

    /** SIGTERM. */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
