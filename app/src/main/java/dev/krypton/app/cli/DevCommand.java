package dev.krypton.app.cli;

import dev.krypton.app.logging.LogFormat;
import dev.krypton.app.logging.Logging;
import dev.krypton.app.node.AmqpUrl;
import dev.krypton.app.node.DevPki;
import dev.krypton.app.node.DevSettings;
import dev.krypton.app.node.DevNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code krypton dev}: one node on embedded defaults (SQLite, the {@code local} root-key provider,
 * a development PKI), running until SIGTERM or SIGINT, then stopped cleanly with exit code 0.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run one development node: SQLite store, local root keys, a generated PKI, all on localhost.")
public final class DevCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "krypton-dev", description = "Data folder (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Listen address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--kmip-port", defaultValue = "5696", description = "KMIP port, 0 for any (default: ${DEFAULT-VALUE}).")
    private int kmipPort;

    @Option(names = "--grpc-port", defaultValue = "5697", description = "Orbital gRPC port, 0 for any (default: ${DEFAULT-VALUE}).")
    private int grpcPort;

    @Option(names = "--admin-port", defaultValue = "9696", description = "Admin HTTP port, 0 for any (default: ${DEFAULT-VALUE}).")
    private int adminPort;

    @Option(names = "--kmip-https-port", paramLabel = "PORT",
            description = "Also serve KMIP over HTTPS (POST /kmip, TTLV or TTLV-JSON) on this port, 0 for any (default: off).")
    private Integer kmipHttpsPort;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Log lines on standard error: text or json, one object per line (default: ${DEFAULT-VALUE}).")
    private String logFormat;

    @Option(names = "--amqp", paramLabel = "URL", description = "Also consume Orbital tasks from this AMQP 1.0 broker, e.g. amqp://guest:guest@127.0.0.1:5672.")
    private String amqp;

    @Option(names = "--amqp-queues", defaultValue = "krypton", paramLabel = "NAME",
            description = "With --amqp: consume /queue/NAME-tasks and /queue/NAME-critical-tasks, answer on /queue/NAME-responses, and unlink-class tasks on /queue/NAME-critical-responses (default: ${DEFAULT-VALUE}).")
    private String amqpQueues;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(LogFormat.parse(logFormat));
        DevSettings settings = new DevSettings(dataDir, host, kmipPort, grpcPort, adminPort,
                kmipHttpsPort == null ? OptionalInt.empty() : OptionalInt.of(kmipHttpsPort),
                Optional.ofNullable(amqp).map(AmqpUrl::parse), amqpQueues);
        Shutdown shutdown = Shutdown.onSignals();
        try (DevNode node = DevNode.start(settings)) {
            describe(node, spec.commandLine().getOut());
            shutdown.await();
            spec.commandLine().getOut().println("krypton dev: stopping (keys are wiped)");
        }
        spec.commandLine().getOut().println("krypton dev: stopped");
        return 0;
    }

    private void describe(DevNode dev, PrintWriter out) {
        DevPki pki = dev.pki();
        var node = dev.node();
        out.printf("""
                Krypton development node is ready.
                  data folder     %s (SQLite store krypton.db, root keys in root-keys/, audit.log)
                  KMIP            %s:%d  (TTLV over mTLS; principal = certificate CN)
                  KMIP HTTPS      %s
                  Orbital gRPC    %s:%d  (mTLS; client certificate %s)
                  admin HTTP      http://%s:%d/  (/healthz /readyz /metrics /status)
                  AMQP intake     %s
                  PKI             CA %s
                                  gateway certificate %s (allowed on every tenant)
                Try it:
                  ./krypton task link --tenant acme --key-id acme-root --data-dir %s --port %d
                  ./krypton kmip create-kek orders --tenant acme --data-dir %s --port %d
                  curl -s http://%s:%d/status
                  ./krypton demo
                Stop with Ctrl-C (SIGINT) or SIGTERM.
                """, dev.dataDir(), host, node.kmipPort(),
                node.kmipHttpsPort().isPresent() ? "https://" + host + ":" + node.kmipHttpsPort().getAsInt() + "/kmip  (POST, TTLV or TTLV-JSON)"
                        : "off (--kmip-https-port PORT)", host, node.grpcPort(), pki.cert(DevPki.ORBITAL), host, node.adminPort(),
                node.amqpConnected() ? "consuming /queue/" + amqpQueues + "-tasks and /queue/" + amqpQueues + "-critical-tasks" : "off (--amqp URL)",
                pki.ca(), pki.cert(DevPki.GATEWAY), dev.dataDir(), node.grpcPort(), dev.dataDir(), node.kmipPort(), host, node.adminPort());
        out.flush();
    }
}
