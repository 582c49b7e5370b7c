package dev.krypton.orbital.client;

import com.google.protobuf.ByteString;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A small command-line Orbital for operators and demos: sends one task over gRPC or AMQP and prints
 * the response.
 *
 * <pre>
 * TaskClient grpc --host localhost --port 9443 --ca ca.pem --cert orbital.pem --key orbital.key \
 *            --type SYSTEM_LINK --tenant acme --provider pkcs11 --key-id tenant-acme
 * TaskClient amqp --host 127.0.0.1 --port 5672 --user guest --password guest \
 *            --address /queue/krypton-tasks --responses /queue/krypton-responses --type SYSTEM_UNLINK --tenant acme
 * </pre>
 * Options {@code --task-id} and {@code --etag} resend a given task version (default: a new UUID, etag 1).
 */
public final class TaskClient {

    private TaskClient() {}

    /** Entry point; exits 0 on DONE, 1 on FAILED or PROCESSING, 2 on a usage or transport error. */
    public static void main(String[] args) {
        try {
            TaskResponse r = run(args);
            System.out.println(r);
            System.exit(r.getStatus() == dev.krypton.orbital.wire.orbital.TaskStatus.DONE ? 0 : 1);
        } catch (OrbitalException e) {
            System.err.println("task-client: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Parses the arguments, sends the task and returns the response. */
    public static TaskResponse run(String[] args) {
        if (args.length < 1 || args.length % 2 != 1) {
            throw new OrbitalException("usage: TaskClient grpc|amqp --name value ... (see the class documentation)");
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new OrbitalException("expected an option, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        TaskRequest task = task(o);
        long timeout = number(o.getOrDefault("timeout-ms", "30000"), "timeout-ms");
        return switch (args[0]) {
            case "grpc" -> {
                try (var s = new GrpcTaskSender(need(o, "host"), (int) number(need(o, "port"), "port"),
                        Path.of(need(o, "ca")), Path.of(need(o, "cert")), Path.of(need(o, "key")))) {
                    yield s.send(task, timeout);
                }
            }
            case "amqp" -> {
                try (var s = new AmqpTaskSender(need(o, "host"), (int) number(need(o, "port"), "port"),
                        o.getOrDefault("user", "guest"), o.getOrDefault("password", "guest"), need(o, "responses"))) {
                    yield s.send(need(o, "address"), task, timeout);
                }
            }
            default -> throw new OrbitalException("transport must be grpc or amqp, got " + args[0]);
        };
    }

    /** Builds a task of {@code --type} for {@code --tenant} as Orbital would. */
    static TaskRequest task(Map<String, String> o) {
        String type = need(o, "type");
        String cmkName = switch (type) {
            case "LINK_KEY" -> "SYSTEM_LINK";
            case "UNLINK_KEY" -> "SYSTEM_UNLINK";
            default -> type;
        };
        TaskType cmkType = Arrays.stream(TaskType.values()).filter(t -> t.name().equals(cmkName))
                .findFirst().orElse(TaskType.TENANT_CONFIG);
        SystemAction action = SystemAction.newBuilder()
                .setTenantId(need(o, "tenant"))
                .setKeyProvider(o.getOrDefault("provider", ""))
                .setKeyIdTo(o.getOrDefault("key-id", ""))
                .setKeyIdFrom(o.getOrDefault("key-id-from", ""))
                .setCmkRegion(o.getOrDefault("region", "")).build();
        TaskRequest.Builder task = TaskRequests.system(type, cmkType, action)
                .setExternalId(o.getOrDefault("external-id", need(o, "tenant")))
                .setWorkingState(ByteString.EMPTY)
                .setEtag(o.getOrDefault("etag", "1"));
        if (o.containsKey("task-id")) {
            task.setTaskId(o.get("task-id"));
        }
        return task.build();
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OrbitalException("--" + name + " must be a number, got " + value);
        }
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new OrbitalException("missing option --" + name);
        }
        return v;
    }
}
