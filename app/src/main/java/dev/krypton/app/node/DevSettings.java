package dev.krypton.app.node;

import dev.krypton.app.AppException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code krypton dev} needs: the data folder and where to listen.
 *
 * @param dataDir   SQLite store, root-key files, PKI and audit log live here
 * @param host      listen address of every listener (127.0.0.1 by default)
 * @param kmipPort  KMIP port (5696 by default, 0 for any free port)
 * @param grpcPort  Orbital gRPC port (5697 by default, 0 for any free port)
 * @param adminPort admin HTTP port (9696 by default, 0 for any free port)
 * @param kmipHttpsPort KMIP over HTTPS ({@code POST /kmip}) on this port, when present (0 for any free port)
 * @param amqp      an AMQP 1.0 broker URL ({@code amqp://user:password@host:port}) to consume tasks from
 * @param amqpQueues names the queues {@code /queue/<name>-tasks}, {@code -critical-tasks}, {@code -responses} and {@code -critical-responses}
 */
public record DevSettings(Path dataDir, String host, int kmipPort, int grpcPort, int adminPort, java.util.OptionalInt kmipHttpsPort,
                          Optional<AmqpUrl> amqp, String amqpQueues) {

    public DevSettings {
        if (amqpQueues == null || !amqpQueues.matches("[A-Za-z0-9._-]{1,64}")) {
            throw AppException.usage("--amqp-queues must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (dataDir == null || host == null || host.isBlank() || amqp == null || kmipHttpsPort == null) {
            throw AppException.usage("dev settings need a data folder and a host");
        }
        checkPort("--kmip-port", kmipPort);
        checkPort("--grpc-port", grpcPort);
        checkPort("--admin-port", adminPort);
        kmipHttpsPort.ifPresent(p -> checkPort("--kmip-https-port", p));
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw AppException.usage(name + " must be 0-65535, not " + port);
        }
    }
}
