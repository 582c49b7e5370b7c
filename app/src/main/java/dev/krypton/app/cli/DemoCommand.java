package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.app.node.DevSettings;
import dev.krypton.app.node.DevNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code krypton demo}: starts a development node in a temporary folder and runs the sovereign
 * workflow against it, narrating each step with its timing. Exit code 0 only if every step behaved
 * as expected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the sovereign workflow end to end against a fresh development node: link, KEK, wrap/unwrap,"
                + " rotate, unlink (kill switch), link again, destroy.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--tenant", defaultValue = "acme", description = "Tenant id to use (default: ${DEFAULT-VALUE}).")
    private String tenant;

    @Option(names = "--keep", description = "Keep the node's temporary folder (store, PKI, audit log) afterwards.")
    private boolean keep;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = tempDir();
        Narrator narrator = new Narrator(out);
        out.println("Starting a development node in " + dir + " ...");
        try (DevNode node = DevNode.start(new DevSettings(dir, "127.0.0.1", 0, 0, 0, java.util.OptionalInt.empty(), Optional.empty(), "krypton"))) {
            out.println("Node up: KMIP on 127.0.0.1:" + node.node().kmipPort() + ", Orbital gRPC on 127.0.0.1:"
                    + node.node().grpcPort() + ", admin HTTP on 127.0.0.1:"
                    + node.node().adminPort());
            try (DemoWorkflow workflow = new DemoWorkflow(node, tenant, narrator)) {
                workflow.run();
            }
        } finally {
            if (!keep) {
                delete(dir);
            }
        }
        out.println(narrator.failures() == 0
                ? "Demo passed: all " + narrator.steps() + " steps behaved as expected."
                : "Demo FAILED: " + narrator.failures() + " of " + narrator.steps() + " steps did not behave as expected.");
        return narrator.failures() == 0 ? 0 : 1;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("krypton-demo-");
        } catch (IOException e) {
            throw AppException.failure("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw AppException.failure("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
