package dev.krypton.orbital;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.krypton.engine.TenantCommands;
import dev.krypton.orbital.client.TaskRequests;
import dev.krypton.orbital.wire.cmk.SystemAction;
import dev.krypton.orbital.wire.cmk.TaskType;
import dev.krypton.storage.ProcessedTask;
import dev.krypton.storage.TaskLog;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport-neutral heart of the intake: checks a task, answers duplicates from the task log,
 * runs the command through the engine port and builds the response (docs/design.md section 7). Both
 * transports call {@link #process}; it is thread-safe, and concurrent copies of the same task
 * version share one execution.
 */
public final class TaskProcessor {

    /** Largest TaskRequest accepted, in bytes. */
    public static final int MAX_TASK_BYTES = 1 << 20;

    /**
     * Tenant id of the start-up warm-up ({@link #warmUp}); the warm-up only reads it, so a tenant of
     * that name would be left as it is.
     */
    public static final String WARM_UP_TENANT = "krypton-warm-up-probe";

    /** Default {@code reconcileAfterSec} of a task waiting on an unavailable root key. */
    public static final long DEFAULT_RECONCILE_AFTER_SEC = 30;

    private final CommandRunner runner;
    private final TaskLog log;
    private final Clock clock;
    private final SignatureCheck signatures;
    private final IntakeAudit audit;
    private final ConcurrentHashMap<String, CompletableFuture<Disposition>> inFlight =
            new ConcurrentHashMap<>();

    /**
     * Wires the processor to the engine, the storage's processed-task log, signature checks and
     * audit.
     */
    public TaskProcessor(TenantCommands engine, TaskLog log, SignatureCheck signatures, IntakeAudit audit,
                         long reconcileAfterSec, Clock clock) {
        if (reconcileAfterSec < 1) {
            throw new OrbitalException("reconcileAfterSec must be at least 1");
        }
        this.runner = new CommandRunner(Objects.requireNonNull(engine, "engine"), reconcileAfterSec,
                Objects.requireNonNull(clock, "clock"));
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Processes the serialized bytes of a TaskRequest (the AMQP data section). */
    public Disposition process(byte[] taskBytes) {
        if (taskBytes.length > MAX_TASK_BYTES) {
            return reject(TaskRequest.getDefaultInstance(), "task is larger than " + MAX_TASK_BYTES + " bytes");
        }
        try {
            return process(TaskRequest.parseFrom(taskBytes));
        } catch (InvalidProtocolBufferException e) {
            return reject(TaskRequest.getDefaultInstance(), "task is not a valid orbital.v1.TaskRequest");
        }
    }

    /** Processes a decoded TaskRequest. */
    public Disposition process(TaskRequest request) {
        if (request.getTaskId().isBlank() || request.getEtag().isBlank()) {
            return reject(request, "task has no taskId or etag");
        }
        try {
            TaskLimits.check(request);
        } catch (MalformedTaskException e) {
            return reject(request, e.getMessage());
        }
        Optional<String> badSignature = signatures.problem(request);
        if (badSignature.isPresent()) {
            return reject(request, badSignature.get());
        }
        Optional<TaskKind> kind = TaskKind.of(request.getType());
        if (kind.isEmpty()) {
            return withActualState(reject(request, "unsupported task type: " + Printable.of(request.getType())), request);
        }
        Action action;
        try {
            action = TaskDecoder.decode(kind.get(), request);
        } catch (MalformedTaskException e) {
            return withActualState(reject(request, e.getMessage()), request);
        }
        String key = request.getTaskId() + '\u0000' + request.getEtag();
        CompletableFuture<Disposition> mine = new CompletableFuture<>();
        CompletableFuture<Disposition> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Disposition result = recordedOrRun(kind.get(), action, request);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            Disposition retry = new Disposition.Release("transient failure: " + e.getClass().getSimpleName());
            mine.complete(retry);
            return retry;
        } finally {
            mine.complete(new Disposition.Release("task processing aborted"));
            inFlight.remove(key, mine);
        }
    }

    /**
     * Runs the kill-switch path of the intake {@code rounds} times at start without changing
     * anything, so the first unlink after start does not pay for loading and first use: a
     * SYSTEM_UNLINK of {@link #WARM_UP_TENANT} is serialized and parsed, its signature checked, the
     * task log read for it, decoded, passed to the engine's read-only {@link TenantCommands#warmUp},
     * and its DONE answer built with the actual state and serialized. Nothing is wiped, written,
     * recorded in the task log or audited.
     *
     * @return how long the rounds took
     * @throws OrbitalException when the warm-up cannot run (storage unreadable)
     */
    public Duration warmUp(int rounds) {
        long began = System.nanoTime();
        try {
            for (int i = 0; i < rounds; i++) {
                TaskRequest request = TaskRequest.parseFrom(TaskRequests.system(TaskType.SYSTEM_UNLINK,
                        SystemAction.newBuilder().setTenantId(WARM_UP_TENANT).setSystemId(WARM_UP_TENANT).build())
                        .setEtag("warm-up").build().toByteArray());
                TaskLimits.check(request);
                signatures.problem(request);
                TaskKind kind = TaskKind.of(request.getType()).orElseThrow();
                log.get(request.getTaskId(), request.getEtag());
                runner.warmUp(TaskDecoder.decode(kind, request), request).toByteArray();
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new OrbitalException("the start-up warm-up of the kill-switch path failed: " + e.getMessage(), e);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private Disposition recordedOrRun(TaskKind kind, Action action, TaskRequest request) {
        Optional<ProcessedTask> recorded = log.get(request.getTaskId(), request.getEtag());
        if (recorded.isPresent()) {
            return new Disposition.Accept(runner.withCurrentState(parseRecorded(recorded.get().response())));
        }
        TaskResponse response;
        try {
            response = runner.run(action, request);
        } catch (MalformedTaskException e) {
            return withActualState(reject(request, e.getMessage()), request);
        }
        if (response.getStatus() != TaskStatus.DONE && Thread.currentThread().isInterrupted()) {
            return new Disposition.Release("interrupted while the engine ran the task (shutting down)");
        }
        audit.processed(Printable.of(request.getTaskId()), kind.name(),
                response.getMetaDataOrDefault(ActualState.TENANT, ""), response.getStatus().name(),
                response.getErrorMessage());
        if (response.getStatus() == TaskStatus.PROCESSING) {
            return new Disposition.Accept(response);
        }
        ProcessedTask kept = log.putIfAbsent(new ProcessedTask(request.getTaskId(), request.getEtag(),
                response.toByteArray(), clock.instant()));
        return new Disposition.Accept(runner.withCurrentState(parseRecorded(kept.response())));
    }

    private static TaskResponse parseRecorded(byte[] recorded) {
        try {
            return TaskResponse.parseFrom(recorded);
        } catch (InvalidProtocolBufferException e) {
            throw new OrbitalException("the task log holds an unreadable response", e);
        }
    }

    /**
     * Adds the actual state of the tenant the task names, when its data names one, to the FAILED
     * answer of an authenticated but unusable task (never to unsigned or badly signed ones).
     */
    private Disposition withActualState(Disposition rejected, TaskRequest request) {
        return switch (rejected) {
            case Disposition.Reject r -> new Disposition.Reject(runner.actualOf(request)
                    .map(a -> r.response().toBuilder().putAllMetaData(a.asMetaData()).build())
                    .orElse(r.response()));
            case Disposition.Accept a -> a;
            case Disposition.Release r -> r;
        };
    }

    private Disposition reject(TaskRequest request, String reason) {
        audit.rejected(Printable.of(request.getTaskId()), Printable.of(request.getType()), reason);
        return new Disposition.Reject(Responses.rejected(request, reason));
    }
}
