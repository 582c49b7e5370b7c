package dev.krypton.app.cli;

import dev.krypton.app.config.ConfigReader;
import dev.krypton.app.config.ServePlan;
import dev.krypton.app.node.Node;
import dev.krypton.app.node.NodePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code krypton serve --config FILE}: production mode. The file is validated completely before
 * anything starts; every mistake is reported (exit code 2). Runs until SIGTERM or SIGINT.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a production node from a YAML configuration file (see docs/configuration.md).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Option(names = "--check", description = "Only validate the configuration and exit.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NodePlan plan = ServePlan.from(ConfigReader.read(config, System.getenv()));
        if (check) {
            out.println("configuration " + config + " is valid");
            return 0;
        }
        Shutdown shutdown = Shutdown.onSignals();
        try (Node node = Node.start(plan)) {
            out.println("Krypton node is ready: KMIP on " + plan.kmip().host() + ":" + node.kmipPort()
                    + ", Orbital gRPC on " + plan.grpc().host() + ":" + node.grpcPort()
                    + ", admin HTTP on " + plan.adminHost() + ":" + node.adminPort());
            out.flush();
            shutdown.await();
            out.println("krypton serve: stopping (keys are wiped)");
        }
        out.println("krypton serve: stopped");
        return 0;
    }
}
