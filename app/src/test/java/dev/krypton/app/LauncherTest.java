package dev.krypton.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code krypton} launcher script of the repository, run as a real process: a copy of it in a
 * temporary directory finds there an {@code app/target/krypton-app.jar} whose manifest points at
 * this test's class path (the classes of this build), so the script's own JVM flags are the ones
 * under test. A one-shot command's standard error holds its real errors only: no JDK warnings
 * about {@code sun.misc.Unsafe} (Netty), no INFO lines of the AMQP and gRPC libraries.
 */
class LauncherTest {

    private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

    @Test
    void aTaskOverAmqpPrintsItsErrorAndNothingElse(@TempDir Path dir) throws Exception {
        Path launcher = launcherIn(dir);
        String queues = "krypton-app-launcher-test";
        TaskAmqpTest.drain(queues);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "task", "link", "--tenant", "acme",
                "--key-id", "k", "--amqp", BROKER, "--amqp-queues", queues, "--timeout-ms", "1500")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        // Generous: the JVM start, one broker connection and the 1.5 s answer timeout; far below this.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command exits").isTrue();
        String stderr = Files.readString(err);
        assertThat(TaskAmqpTest.drain(queues)).as("the task reached the broker").isEqualTo(1);

        assertThat(p.exitValue()).as(stderr).isEqualTo(Main.FAILED);
        assertThat(stderr).as("the real error is there").contains("krypton: no response to task");
        assertThat(stderr).doesNotContain("sun.misc.Unsafe").doesNotContain("INFO");
        assertThat(stderr.lines().toList()).as("nothing but the command's own error lines")
                .allSatisfy(line -> assertThat(line).startsWith("krypton: "));
    }

    /** A copy of the repository's launcher next to a jar that runs this build's classes. */
    private static Path launcherIn(Path dir) throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path launcher = Files.copy(repository.resolve("krypton"), dir.resolve("krypton"));
        Path jar = Files.createDirectories(dir.resolve("app/target")).resolve("krypton-app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, manifest)) {
            j.flush();
        }
        return launcher;
    }
}
