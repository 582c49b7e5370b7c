package dev.krypton.orbital.amqp;

import dev.krypton.orbital.Disposition;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.TaskKind;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * Receives Orbital tasks over AMQP 1.0 (docs/design.md section 7) from a task address and a critical
 * address, each with its own receiver, and answers on a response address. The answers to
 * unlink-class tasks go out on a sender link of their own, to the critical response address (by
 * default the response address itself), with AMQP priority {@value #CRITICAL_PRIORITY}: they never
 * wait behind routine answers in this node, nor in the broker when the addresses differ (or the
 * broker's queue honours priorities). A delivery is accepted
 * only after the engine made its effect durable (for unlink-class tasks: after zeroization) and the
 * response was settled by the broker; malformed, unsupported or badly signed tasks are answered
 * FAILED and rejected; transient failures release the delivery for redelivery. The connection
 * reconnects with exponential backoff and restores its links.
 */
public final class AmqpIntake implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AmqpIntake.class.getName());
    private static final long SETTLE_TIMEOUT_MS = 10_000;
    private static final int CRITICAL_CREDIT = 64;
    /** AMQP priority of the answers to unlink-class tasks (routine answers keep the default, 4). */
    static final byte CRITICAL_PRIORITY = 9;

    private record Work(Delivery delivery, byte[] body, TaskKind.Lane lane) {}

    private final TaskProcessor processor;
    private final AmqpConfig config;
    private final Client client = Client.create();
    private final Connection connection;
    private final Sender responses;
    private final Sender criticalResponses;
    private final Lanes<Work> lanes;
    private final List<Thread> readers;
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger interruptions = new AtomicInteger();
    private volatile boolean closing;
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("orbital-release").daemon(true).factory());

    private AmqpIntake(TaskProcessor processor, AmqpConfig config) throws ClientException {
        this.processor = processor;
        this.config = config;
        this.connection = connect(config);
        try {
            this.responses = awaitOpen(connection.openSender(config.responseAddress()).openFuture(),
                    config.responseAddress());
            this.criticalResponses = awaitOpen(connection.openSender(config.criticalResponseAddress()).openFuture(),
                    config.criticalResponseAddress());
            Receiver tasks = openReceiver(config.taskAddress(), config.prefetch());
            Receiver critical = openReceiver(config.criticalAddress(), CRITICAL_CREDIT);
            this.lanes = new Lanes<>(config.routineWorkers(), this::handle);
            this.readers = List.of(
                    Thread.ofPlatform().name("orbital-read-critical").daemon(true).start(() -> read(critical)),
                    Thread.ofPlatform().name("orbital-read-tasks").daemon(true).start(() -> read(tasks)));
        } catch (RuntimeException e) {
            connection.close();
            client.close();
            throw e;
        }
    }

    private Connection connect(AmqpConfig config) throws ClientException {
        return client.connect(config.host(), config.port(), AmqpOptions.connection(config,
                () -> {
                    interruptions.incrementAndGet();
                    LOG.log(Level.WARNING, "AMQP connection to {0}:{1} lost; reconnecting with backoff",
                            config.host(), Integer.toString(config.port()));
                },
                () -> {
                    reconnects.incrementAndGet();
                    LOG.log(Level.INFO, "AMQP connection restored");
                }));
    }

    /** Connects to the broker and starts receiving; throws {@link OrbitalException} when it cannot. */
    public static AmqpIntake start(TaskProcessor processor, AmqpConfig config) {
        try {
            return new AmqpIntake(processor, config);
        } catch (ClientException e) {
            throw new OrbitalException("cannot connect the Orbital intake to AMQP broker "
                    + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** How often the connection was found lost (closed, failed, or silent past the idle time-out) since start. */
    public int interruptions() {
        return interruptions.get();
    }

    /** How often the connection was lost and restored since start. */
    public int reconnects() {
        return reconnects.get();
    }

    /** Routine tasks received but not yet picked up by a worker. */
    public int routineBacklog() {
        return lanes.routineBacklog();
    }

    private Receiver openReceiver(String address, int credit) throws ClientException {
        Receiver r = connection.openReceiver(address, new ReceiverOptions().autoAccept(false).creditWindow(credit));
        return awaitOpen(r.openFuture(), address);
    }

    private static <T> T awaitOpen(Future<T> link, String address) {
        try {
            return link.get(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrbitalException("interrupted while attaching AMQP address " + address, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OrbitalException("cannot attach AMQP address " + address + ": " + e.getMessage(), e);
        }
    }

    private void read(Receiver receiver) {
        while (!Thread.currentThread().isInterrupted()) {
            Delivery delivery;
            try {
                delivery = receiver.receive();
            } catch (ClientException e) {
                if (closing) {
                    return;
                }
                LOG.log(Level.WARNING, "AMQP receive failed, retrying: {0}", e.getMessage());
                sleepQuietly(200);
                continue;
            }
            if (delivery == null) {
                return;
            }
            byte[] body = bodyOf(delivery);
            TaskKind.Lane lane = laneOf(body);
            lanes.submit(lane, new Work(delivery, body, lane));
        }
    }

    /**
     * The bytes of the message's data section; a message that does not decode or carries no binary
     * body yields no bytes, which the processor answers FAILED and the delivery is rejected.
     */
    private static byte[] bodyOf(Delivery delivery) {
        try {
            return delivery.message().body() instanceof byte[] b ? b : new byte[0];
        } catch (ClientException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static TaskKind.Lane laneOf(byte[] body) {
        try {
            return TaskKind.laneOf(TaskRequest.parseFrom(body).getType());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return TaskKind.Lane.ROUTINE;
        }
    }

    private void handle(Work work) {
        Disposition disposition = processor.process(work.body());
        try {
            switch (disposition) {
                case Disposition.Accept a -> {
                    answer(work.lane(), a.response());
                    work.delivery().accept();
                }
                case Disposition.Reject r -> {
                    answer(work.lane(), r.response());
                    work.delivery().reject("krypton:task-rejected", r.response().getErrorMessage());
                }
                case Disposition.Release r -> releaseLater(work.delivery(), r.reason());
            }
        } catch (ClientException | RuntimeException e) {
            releaseLater(work.delivery(), "response not delivered: " + e.getMessage());
        }
    }

    private void answer(TaskKind.Lane lane, TaskResponse response) throws ClientException {
        Message<byte[]> message = Message.create(response.toByteArray())
                .durable(true)
                .correlationId(response.getTaskId())
                .subject(response.getType());
        var tracker = switch (lane) {
            case CRITICAL -> criticalResponses.send(message.priority(CRITICAL_PRIORITY));
            case ROUTINE -> responses.send(message);
        };
        tracker.awaitSettlement(SETTLE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!tracker.remoteState().isAccepted()) {
            throw new OrbitalException("broker did not accept the response: " + tracker.remoteState().getType());
        }
    }

    private void releaseLater(Delivery delivery, String reason) {
        if (closing) {
            return;
        }
        LOG.log(Level.WARNING, "task released for redelivery: {0}", reason);
        releaser.schedule(() -> {
            try {
                delivery.release();
            } catch (ClientException e) {
                LOG.log(Level.WARNING, "release failed (the broker redelivers after reconnect): {0}", e.getMessage());
            }
        }, config.releaseDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops receiving; unsettled deliveries go back to the broker when the connection closes. */
    @Override
    public void close() {
        closing = true;
        readers.forEach(Thread::interrupt);
        lanes.close();
        releaser.shutdownNow();
        connection.close();
        client.close();
    }
}
