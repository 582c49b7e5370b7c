package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.app.node.DevPki;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.client.TaskClient;
import dev.krypton.orbital.wire.orbital.TaskResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Orbital tasks go: a node's gRPC intake and the client certificate to present (by default
 * the Orbital certificate of a development node's PKI). Sends through orbital's {@link TaskClient}.
 */
record OrbitalTarget(String host, int port, Path ca, Path cert, Path key) {

    static OrbitalTarget devNode(Path dataDir, String host, int port) {
        Path pki = dataDir.resolve("pki");
        return new OrbitalTarget(host, port, pki.resolve("ca.pem"), pki.resolve(DevPki.ORBITAL + ".pem"),
                pki.resolve(DevPki.ORBITAL + ".key"));
    }

    /** Sends one task for {@code tenant}; {@code extra} holds further {@code --name value} pairs. */
    TaskResponse send(TaskAction action, String tenant, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("grpc", "--host", host, "--port", String.valueOf(port),
                "--ca", ca.toString(), "--cert", cert.toString(), "--key", key.toString(),
                "--type", action.taskType(), "--tenant", tenant));
        args.addAll(extra);
        try {
            return TaskClient.run(args.toArray(String[]::new));
        } catch (OrbitalException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }
}
