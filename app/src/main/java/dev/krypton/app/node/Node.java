package dev.krypton.app.node;

import dev.krypton.app.AppException;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.ProcessHardening;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.EngineOptions;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import dev.krypton.engine.policy.Policy;
import dev.krypton.kmip.server.KmipServer;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.amqp.AmqpIntake;
import dev.krypton.orbital.grpc.GrpcIntake;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One running Krypton node, wired in this one visible place (CONTRIBUTING.md item 10) from a {@link NodePlan}:
 * storage, secure memory, the crypto engine, root-key providers, policy, audit, the engine, the
 * Orbital intakes and the admin HTTP server. {@link #close()} stops the listeners first, then
 * wipes every key, then closes the audit log and storage.
 */
public final class Node implements AutoCloseable {

    /**
     * Rounds of the start-up warm-up of the kill-switch path ({@link TaskProcessor#warmUp}): a few,
     * so its classes are loaded and its statements used before the first unlink.
     */
    static final int WARM_UP_ROUNDS = 5;

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final Engine engine;
    private final KmipServer kmip;
    private final GrpcIntake grpc;
    private final Optional<AmqpIntake> amqp;
    private final AdminServer admin;
    private final ProcessHardening.Status hardening;

    private Node(NodePlan plan) {
        try {
            this.hardening = ProcessHardening.apply(plan.disableCoreDumps());
            Storage storage = keep(StorageProviders.open(plan.storage()));
            SecureMemory memory = keep(SecureMemory.open(SecureMemory.Options.defaults()));
            AuditLog audit = keep(AuditLog.open(plan.auditFile(), AuditKeys.loadOrCreate(plan.auditKeyFolder()),
                    AuditOptions.defaults(), Clock.systemUTC()));
            CountingAudit counted = new CountingAudit(audit);
            Policy policy = plan.policy();
            this.engine = keep(Engine.builder().storage(storage).memory(memory).crypto(CryptoEngines.select())
                    .rootKeyProviders(plan.rootKeys()).policy(() -> policy).audit(counted)
                    .options(EngineOptions.defaults().withRegion(plan.region())).cluster(plan.cluster()).startup(plan.startup()).build());
            engine.start();
            IntakeAudit intakeAudit = IntakeAudit.to(counted).and(IntakeAudit.logging());
            TaskProcessor processor = new TaskProcessor(engine.commands(), storage.taskLog(), SignatureCheck.off(),
                    intakeAudit, TaskProcessor.DEFAULT_RECONCILE_AFTER_SEC, Clock.systemUTC());
            Map<String, Object> warmUp = warmUp(processor);
            this.kmip = keep(KmipServer.start(plan.kmip(), engine.operations()));
            plan.kmipHttps().ifPresent(h -> kmip.serveHttps(h.host(), h.port()));
            this.grpc = keep(GrpcIntake.start(processor, plan.grpc(), intakeAudit));
            this.amqp = plan.amqp().map(config -> keep(AmqpIntake.start(processor, config)));
            this.admin = keep(AdminServer.start(plan.adminHost(), plan.adminPort(), new NodeStatus(engine,
                    memory, counted, hardening, this::listeners, kmip.metrics(),
                    () -> Map.of("orbital-grpc", grpc.tlsRefusals()), warmUp)));
        } catch (StorageException e) {
            close();
            throw e.kind() == StorageException.Kind.CONFIG ? AppException.usage("storage: " + e.getMessage())
                    : AppException.failure("cannot open storage: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e instanceof AppException a ? a : AppException.failure("cannot start the node: " + e.getMessage(), e);
        }
    }

    /**
     * Warms up the kill-switch path before the node listens. A failure (storage unreadable for a
     * moment) is logged and does not stop the node: the first unlink is then merely slower.
     */
    private static Map<String, Object> warmUp(TaskProcessor processor) {
        System.Logger log = System.getLogger(Node.class.getName());
        try {
            Duration took = processor.warmUp(WARM_UP_ROUNDS);
            log.log(System.Logger.Level.INFO, "kill-switch path warmed up ({0} rounds, read-only) in {1} ms",
                    WARM_UP_ROUNDS, took.toMillis());
            return Map.of("killSwitchRounds", WARM_UP_ROUNDS, "killSwitchMillis", took.toMillis());
        } catch (OrbitalException e) {
            log.log(System.Logger.Level.WARNING, e.getMessage());
            return Map.of("killSwitchRounds", 0, "killSwitchError", e.getMessage());
        }
    }

    /** Starts a node; on failure everything started so far is stopped again. */
    public static Node start(NodePlan plan) {
        return new Node(plan);
    }

    public Engine engine() {
        return engine;
    }

    public int kmipPort() {
        return kmip.port();
    }

    /** The KMIP HTTPS port, when enabled. */
    public OptionalInt kmipHttpsPort() {
        return kmip.httpsPort();
    }

    private Map<String, Integer> listeners() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("kmip", kmip.port());
        kmip.httpsPort().ifPresent(p -> out.put("kmip-https", p));
        out.put("orbital-grpc", grpc.port());
        return out;
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
