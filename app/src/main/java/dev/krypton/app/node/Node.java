package dev.krypton.app.node;

import dev.krypton.app.AppException;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import dev.krypton.engine.policy.Policy;
import dev.krypton.engine.policy.PolicyParser;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.amqp.AmqpConfig;
import dev.krypton.orbital.amqp.AmqpIntake;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.orbital.grpc.GrpcIntake;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One running Krypton node, wired in this one visible place (STYLE.md 10): storage, secure memory,
 * the crypto engine, root-key providers, policy, audit, the engine, the Orbital intakes and the
 * admin HTTP server. {@link #close()} stops the listeners first, then wipes every key.
 */
public final class Node implements AutoCloseable {

    /** The development policy: the upstream rule (CN equals tenant) plus the dev gateway on every tenant. */
    static final String DEV_POLICY = """
            upstream: true
            grants:
              - principal: %s
                tenants: ["*"]
                operations: ["*"]
            """.formatted(DevPki.GATEWAY);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final DevPki pki;
    private final Engine engine;
    private final Storage storage;
    private final SecureMemory memory;
    private final GrpcIntake grpc;
    private final Optional<AmqpIntake> amqp;
    private final AdminServer admin;
    private final Path dataDir;

    private Node(DevSettings s) {
        this.dataDir = s.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir.resolve("root-keys"));
            this.pki = DevPki.init(dataDir.resolve("pki"));
            this.storage = keep(StorageProviders.open(new StorageConfig("sqlite",
                    Map.of("path", dataDir.resolve("krypton.db").toString()))));
            this.memory = keep(SecureMemory.open(SecureMemory.Options.defaults()));
            AuditLog audit = keep(AuditLog.open(dataDir.resolve("audit.log"), AuditKeys.loadOrCreate(dataDir.resolve("audit")),
                    AuditOptions.defaults(), Clock.systemUTC()));
            Policy policy = PolicyParser.parse(DEV_POLICY);
            this.engine = Engine.builder().storage(storage).memory(memory).crypto(CryptoEngines.select())
                    .rootKeyProviders(List.of(new DevRootKeys(dataDir.resolve("root-keys"))))
                    .policy(() -> policy).audit(audit).build();
            keep(engine);
            engine.start();
            IntakeAudit intakeAudit = IntakeAudit.to(audit);
            TaskProcessor processor = new TaskProcessor(engine.commands(), storage.taskLog(), SignatureCheck.off(),
                    intakeAudit, TaskProcessor.DEFAULT_RECONCILE_AFTER_SEC, Clock.systemUTC());
            this.grpc = keep(GrpcIntake.start(processor, new GrpcConfig(s.host(), s.grpcPort(),
                    pki.cert(DevPki.SERVER), pki.key(DevPki.SERVER), pki.ca(), Set.of(DevPki.ORBITAL)), intakeAudit));
            this.amqp = s.amqp().map(url -> keep(AmqpIntake.start(processor, new AmqpConfig(url.host(), url.port(),
                    new AmqpConfig.Auth.Plain(url.user(), url.password(), new AmqpConfig.Tls.Off()), "/queue/krypton-tasks",
                    "/queue/krypton-critical-tasks", "/queue/krypton-responses", 16, 4, Duration.ofSeconds(1)))));
            this.admin = keep(AdminServer.start(s.host(), s.adminPort(), new NodeStatus(engine, storage, memory,
                    () -> Map.of("orbital-grpc", grpc.port()))));
        } catch (RuntimeException | IOException e) {
            close();
            throw e instanceof AppException a ? a : AppException.failure("cannot start the node: " + e.getMessage(), e);
        }
    }

    /** Starts a development node as {@code krypton dev} describes. */
    public static Node startDev(DevSettings settings) {
        return new Node(settings);
    }

    public Engine engine() {
        return engine;
    }

    public DevPki pki() {
        return pki;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int grpcPort() {
        return grpc.port();
    }

    public int adminPort() {
        return admin.port();
    }

    public boolean amqpConnected() {
        return amqp.isPresent();
    }

    private <T extends AutoCloseable> T keep(T part) {
        parts.push(part);
        return part;
    }

    /** Stops the listeners, wipes every key and closes storage and the audit log, in that order. */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                System.getLogger(Node.class.getName()).log(System.Logger.Level.WARNING,
                        "while stopping: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
