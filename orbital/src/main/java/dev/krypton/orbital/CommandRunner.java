package dev.krypton.orbital;

import dev.krypton.engine.CommandResult;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import dev.krypton.engine.Propagation;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantCommands;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.TenantStatus;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a decoded {@link Action} through the engine and maps the result onto an Orbital answer:
 * DONE with the actual state; FAILED with the engine's operator message; PROCESSING with
 * {@code reconcileAfterSec} when the root key is unavailable. Storage trouble
 * ({@link ErrorCode#UNAVAILABLE}) propagates so the transport retries the task.
 *
 * <p>An unlink-class command (unlink, disable, destroy) is DONE only once the engine confirms that
 * every other live node of the cluster has applied it or passed its revocation-staleness deadline;
 * the DONE answer carries metaData {@value #PROPAGATION_MS}: the time from the engine's commit
 * (the store write that made the change durable, {@link CommandResult#committedAt()}) to the moment
 * the answer is DONE, so it covers the durable audit line and the wait for the other nodes, not
 * just the wait. When that cannot be confirmed in time the answer is PROCESSING (not recorded),
 * so Orbital sends the task again and the repeat waits again.
 */
final class CommandRunner {

    /** metaData key of a DONE unlink-class answer: milliseconds from the commit to the DONE answer. */
    static final String PROPAGATION_MS = "krypton-propagation-ms";

    /** {@code reconcileAfterSec} of an unlink whose propagation was not confirmed in time. */
    static final long PROPAGATION_RECONCILE_AFTER_SEC = 5;

    private final TenantCommands engine;
    private final long reconcileAfterSec;
    private final Clock clock;

    /** The clock must be the engine's (both are the system clock in a node), since it is compared with the commit instant. */
    CommandRunner(TenantCommands engine, long reconcileAfterSec, Clock clock) {
        this.engine = engine;
        this.reconcileAfterSec = reconcileAfterSec;
        this.clock = clock;
    }

    TaskResponse run(Action action, TaskRequest request) {
        return switch (action) {
            case Action.Describe d -> Responses.done(request, ActualState.lookup(engine, d.tenant()));
            case Action.Execute e -> execute(e.command(), request);
            case Action.Relink r -> execute(relinkCommand(r), request);
        };
    }

    private TaskResponse execute(TenantCommand command, TaskRequest request) {
        try {
            CommandResult result = engine.execute(command);
            if (!zeroizes(command)) {
                return Responses.done(request, ActualState.of(result.status()));
            }
            Propagation p = engine.awaitPropagation(command.tenant(), result.status().generation());
            if (!p.confirmed()) {
                return Responses.processing(request, ActualState.of(result.status()),
                        Math.min(reconcileAfterSec, PROPAGATION_RECONCILE_AFTER_SEC),
                        "applied on this node; not yet confirmed by every live node of the cluster"
                                + (p.waitingFor().isEmpty() ? " (storage unreadable)" : " (waiting for "
                                + String.join(", ", p.waitingFor()) + ")") + "; send again");
            }
            return Responses.done(request, ActualState.of(result.status())).toBuilder()
                    .putMetaData(PROPAGATION_MS, Long.toString(sinceCommit(result))).build();
        } catch (EngineException e) {
            return answerFor(e, command, request);
        }
    }

    /** The read-only rehearsal of {@link #run} for the start-up warm-up: the engine's reads, then the DONE answer. */
    TaskResponse warmUp(Action action, TaskRequest request) {
        engine.warmUp(action.tenant());
        return Responses.done(request, ActualState.lookup(engine, action.tenant())).toBuilder()
                .putMetaData(PROPAGATION_MS, "0").build();
    }

    /** Milliseconds from the commit until now; never negative, should the wall clock step back. */
    private long sinceCommit(CommandResult result) {
        return Math.max(0, Duration.between(result.committedAt(), clock.instant()).toMillis());
    }

    /**
     * A recorded answer with its actual-state metaData brought up to date: the status and message
     * stay those recorded (no second effect), the state is what the region holds now, so a
     * reconcile of an applied task compares desired with actual state.
     */
    TaskResponse withCurrentState(TaskResponse recorded) {
        String tenant = recorded.getMetaDataOrDefault(ActualState.TENANT, "");
        if (tenant.isEmpty()) {
            return recorded;
        }
        try {
            return recorded.toBuilder().putAllMetaData(ActualState.lookup(engine, TenantId.of(tenant)).asMetaData())
                    .build();
        } catch (EngineException e) {
            return recorded;
        }
    }

    /** The actual state of the tenant a task's data names, if it names a valid one. */
    Optional<ActualState> actualOf(TaskRequest request) {
        try {
            return TaskDecoder.tenantHint(request).map(t -> ActualState.lookup(engine, t));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private TenantCommand relinkCommand(Action.Relink relink) {
        Optional<RootKeyRef> bound = engine.status(relink.tenant()).flatMap(TenantStatus::rootKey);
        if (bound.isEmpty()) {
            throw new MalformedTaskException("LINK_KEY names no key provider and tenant "
                    + relink.tenant() + " has no bound root key; send SYSTEM_LINK");
        }
        if (!relink.keyId().isEmpty() && !relink.keyId().equals(bound.get().keyId())) {
            throw new MalformedTaskException("LINK_KEY key_id differs from the bound root key; send SYSTEM_SWITCH");
        }
        return new TenantCommand.Link(relink.tenant(), bound.get());
    }

    private TaskResponse answerFor(EngineException e, TenantCommand command, TaskRequest request) {
        ActualState actual = ActualState.lookup(engine, command.tenant());
        return switch (e.code()) {
            case UNAVAILABLE -> throw e;
            case ROOT_KEY_UNAVAILABLE -> Responses.processing(request, actual, reconcileAfterSec,
                    "root key unavailable, will retry: " + e.getMessage());
            case NOT_FOUND -> absentIsDesired(command)
                    ? Responses.done(request, actual)
                    : Responses.failed(request, actual, e.getMessage());
            case ROOT_KEY_DENIED -> Responses.failed(request, actual, "root key denied: " + e.getMessage());
            case PERMISSION_DENIED, INVALID_ARGUMENT, ILLEGAL_STATE, CRYPTO ->
                    Responses.failed(request, actual, e.getMessage());
            case INTERNAL -> Responses.failed(request, actual, "internal error in the engine; see the node's log");
        };
    }

    /** Commands that wipe the tenant's keys: their effect must reach every node before DONE. */
    private static boolean zeroizes(TenantCommand command) {
        return switch (command) {
            case TenantCommand.Unlink u -> true;
            case TenantCommand.Disable d -> true;
            case TenantCommand.Destroy d -> true;
            case TenantCommand.Link l -> false;
            case TenantCommand.Enable en -> false;
            case TenantCommand.SwitchRootKey s -> false;
            case TenantCommand.RotateRootKey r -> false;
            case TenantCommand.RotateTenantKey r -> false;
        };
    }

    /** Unlinking or destroying a tenant this region never held already meets the desired state. */
    private static boolean absentIsDesired(TenantCommand command) {
        return switch (command) {
            case TenantCommand.Unlink u -> true;
            case TenantCommand.Destroy d -> true;
            case TenantCommand.Link l -> false;
            case TenantCommand.Disable d -> false;
            case TenantCommand.Enable en -> false;
            case TenantCommand.SwitchRootKey s -> false;
            case TenantCommand.RotateRootKey r -> false;
            case TenantCommand.RotateTenantKey r -> false;
        };
    }
}
