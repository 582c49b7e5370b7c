package dev.krypton.app.cli;

import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code krypton task ACTION --tenant T}: sends one Orbital task to a node over gRPC, as Orbital
 * would, and prints the response. Exit code 0 when the task is DONE, 1 when FAILED or PROCESSING.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Send an Orbital task (link, unlink, switch, rotate, disable, enable, destroy) over gRPC.")
public final class TaskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "One of: ${COMPLETION-CANDIDATES} (case-insensitive).")
    private TaskAction action;

    @Option(names = "--tenant", required = true, description = "Tenant id.")
    private String tenant;

    @Option(names = "--provider", defaultValue = "local", description = "Root-key provider (default: ${DEFAULT-VALUE}).")
    private String provider;

    @Option(names = "--key-id", defaultValue = "", description = "Root key to link to or switch to.")
    private String keyId;

    @Option(names = "--key-id-from", defaultValue = "", description = "Root key switched from (switch).")
    private String keyIdFrom;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Node address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5697", description = "Node's Orbital gRPC port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data-dir", defaultValue = "krypton-dev",
            description = "Dev node folder whose pki/ holds the CA and Orbital certificate (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> extra = new ArrayList<>(List.of("--provider", provider));
        if (!keyId.isEmpty()) {
            extra.addAll(List.of("--key-id", keyId));
        }
        if (!keyIdFrom.isEmpty()) {
            extra.addAll(List.of("--key-id-from", keyIdFrom));
        }
        TaskResponse r = OrbitalTarget.devNode(dataDir, host, port).send(action, tenant, extra);
        spec.commandLine().getOut().println(action.taskType() + " " + tenant + ": " + r.getStatus()
                + (r.getErrorMessage().isEmpty() ? "" : " (" + r.getErrorMessage() + ")")
                + (r.getMetaDataMap().isEmpty() ? "" : " " + r.getMetaDataMap()));
        return r.getStatus() == TaskStatus.DONE ? 0 : 1;
    }
}
