package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.app.node.AmqpUrl;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.TaskKind;
import dev.krypton.orbital.client.TaskClient;
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
 * {@code krypton task ACTION --tenant T}: sends one Orbital task to a node, as Orbital would, over
 * gRPC (default) or, with {@code --amqp URL}, over AMQP 1.0 through the broker (unlink-class tasks
 * to the critical address), waiting for the response on the response address; prints the
 * response. Exit code 0 when the task is DONE, 1 when FAILED or PROCESSING or not answered in time.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = {"Send an Orbital task (link, unlink, switch, rotate, disable, enable, destroy) over gRPC,",
                "or over AMQP 1.0 with --amqp URL (the response is awaited on the response address)."})
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

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Node address for gRPC (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5697", description = "Node's Orbital gRPC port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data-dir", defaultValue = "krypton-dev",
            description = "Dev node folder whose pki/ holds the CA and Orbital certificate for gRPC (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--amqp", paramLabel = "URL",
            description = "Send over AMQP 1.0 through this broker instead of gRPC, e.g. amqp://guest:guest@127.0.0.1:5672.")
    private String amqp;

    @Option(names = "--amqp-queues", defaultValue = "krypton", paramLabel = "NAME",
            description = "With --amqp: send to /queue/NAME-tasks (unlink, disable, destroy: /queue/NAME-critical-tasks),"
                    + " await the answer on /queue/NAME-responses (unlink-class tasks: /queue/NAME-critical-responses) (default: ${DEFAULT-VALUE}).")
    private String amqpQueues;

    @Option(names = "--task-address", paramLabel = "ADDRESS", description = "With --amqp: routine task address (overrides --amqp-queues).")
    private String taskAddress;

    @Option(names = "--critical-address", paramLabel = "ADDRESS", description = "With --amqp: unlink-class task address (overrides --amqp-queues).")
    private String criticalAddress;

    @Option(names = "--response-address", paramLabel = "ADDRESS", description = "With --amqp: response address (overrides --amqp-queues).")
    private String responseAddress;

    @Option(names = "--critical-response-address", paramLabel = "ADDRESS",
            description = "With --amqp: address of the answers to unlink-class tasks (overrides --amqp-queues).")
    private String criticalResponseAddress;

    @Option(names = "--timeout-ms", defaultValue = "30000", description = "How long to wait for the response (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (timeoutMs < 1) {
            throw AppException.usage("--timeout-ms must be positive");
        }
        List<String> extra = new ArrayList<>(List.of("--provider", provider, "--timeout-ms", String.valueOf(timeoutMs)));
        if (!keyId.isEmpty()) {
            extra.addAll(List.of("--key-id", keyId));
        }
        if (!keyIdFrom.isEmpty()) {
            extra.addAll(List.of("--key-id-from", keyIdFrom));
        }
        TaskResponse r = amqp == null ? OrbitalTarget.devNode(dataDir, host, port).send(action, tenant, extra)
                : sendAmqp(AmqpUrl.parse(amqp), extra);
        spec.commandLine().getOut().println(action.taskType() + " " + tenant + ": " + r.getStatus()
                + (r.getErrorMessage().isEmpty() ? "" : " (" + r.getErrorMessage() + ")")
                + (r.getMetaDataMap().isEmpty() ? "" : " " + r.getMetaDataMap()));
        return r.getStatus() == TaskStatus.DONE ? 0 : 1;
    }

    private TaskResponse sendAmqp(AmqpUrl url, List<String> extra) {
        if (!amqpQueues.matches("[A-Za-z0-9._-]{1,64}")) {
            throw AppException.usage("--amqp-queues must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String routine = taskAddress != null ? taskAddress : "/queue/" + amqpQueues + "-tasks";
        String critical = criticalAddress != null ? criticalAddress : "/queue/" + amqpQueues + "-critical-tasks";
        boolean unlinkClass = TaskKind.laneOf(action.taskType()) == TaskKind.Lane.CRITICAL;
        String responses = unlinkClass
                ? (criticalResponseAddress != null ? criticalResponseAddress : "/queue/" + amqpQueues + "-critical-responses")
                : (responseAddress != null ? responseAddress : "/queue/" + amqpQueues + "-responses");
        String address = unlinkClass ? critical : routine;
        List<String> args = new ArrayList<>(List.of("amqp", "--host", url.host(), "--port", String.valueOf(url.port()),
                "--user", url.user(), "--password", url.password(), "--address", address, "--responses", responses,
                "--type", action.taskType(), "--tenant", tenant));
        args.addAll(extra);
        try {
            return TaskClient.run(args.toArray(String[]::new));
        } catch (OrbitalException e) {
            String message = url.password().isEmpty() ? e.getMessage() : e.getMessage().replace(url.password(), "***");
            throw AppException.failure(message, e);
        }
    }
}
