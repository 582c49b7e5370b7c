package dev.krypton.it.cluster;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * The Orbital side of a cluster test on the real RabbitMQ (AMQP 1.0): publishes tasks to the task
 * and critical addresses the nodes consume, and keeps every response that arrives on the response
 * and critical response addresses, with its arrival time, so a test can count the answers to one task.
 */
public final class OrbitalBus implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;

    /** A response, when it arrived ({@link System#nanoTime()}) and on which address ({@code response} or {@code critical-response}). */
    public record Received(TaskResponse response, long atNanos, String address) {}

    private final Client client = Client.create();
    private final Connection connection;
    private final Sender tasks;
    private final Sender critical;
    private final Receiver responses;
    private final Receiver criticalResponses;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final Thread criticalReader;
    private final List<org.apache.qpid.protonj2.client.Tracker> unsettled = new java.util.ArrayList<>();
    private volatile boolean closing;

    public OrbitalBus(Addresses addresses) throws ClientException {
        connection = client.connect(HOST, PORT, new ConnectionOptions().user("guest").password("guest"));
        responses = connection.openReceiver(addresses.responses());
        responses.openFuture();
        criticalResponses = connection.openReceiver(addresses.criticalResponses());
        criticalResponses.openFuture();
        tasks = connection.openSender(addresses.tasks());
        critical = connection.openSender(addresses.critical());
        reader = Thread.ofPlatform().daemon().name("orbital-bus-responses").start(() -> read(responses, "response"));
        criticalReader = Thread.ofPlatform().daemon().name("orbital-bus-critical-responses")
                .start(() -> read(criticalResponses, "critical-response"));
    }

    /** The addresses of one test run: tasks, unlink-class tasks, answers, answers to unlink-class tasks. */
    public record Addresses(String tasks, String critical, String responses, String criticalResponses) {
        public static Addresses unique(String run) {
            return new Addresses("/queue/" + run + "-tasks", "/queue/" + run + "-critical", "/queue/" + run + "-responses",
                    "/queue/" + run + "-critical-responses");
        }

        /** The queue names behind the addresses. */
        public List<String> queues() {
            return List.of(tasks, critical, responses, criticalResponses).stream()
                    .map(a -> a.substring("/queue/".length())).toList();
        }
    }

    private void read(Receiver from, String address) {
        while (!closing) {
            try {
                Delivery d = from.receive(200, TimeUnit.MILLISECONDS);
                if (d == null) {
                    continue;
                }
                long at = System.nanoTime();
                byte[] body = (byte[]) d.message().body();
                d.accept();
                received.add(new Received(TaskResponse.parseFrom(body), at, address));
            } catch (ClientException | InvalidProtocolBufferException e) {
                if (closing) {
                    return;
                }
            }
        }
    }

    /** Publishes a routine task and waits until the broker settled it. */
    public void publish(TaskRequest task) throws ClientException {
        tasks.send(Message.create(task.toByteArray()).durable(true)).awaitSettlement(10, TimeUnit.SECONDS);
    }

    /** Publishes a routine task without waiting for the broker; {@link #awaitPublished} waits for all such. */
    public void publishUnsettled(TaskRequest task) throws ClientException {
        unsettled.add(tasks.send(Message.create(task.toByteArray()).durable(true)));
    }

    /** Waits until the broker settled every task of {@link #publishUnsettled}. */
    public void awaitPublished() throws ClientException {
        for (org.apache.qpid.protonj2.client.Tracker t : unsettled) {
            t.awaitSettlement(60, TimeUnit.SECONDS);
        }
        unsettled.clear();
    }

    /** Every response received so far, in order of arrival. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Publishes an unlink-class task to the critical address and waits until the broker settled it. */
    public void publishCritical(TaskRequest task) throws ClientException {
        critical.send(Message.create(task.toByteArray()).durable(true)).awaitSettlement(10, TimeUnit.SECONDS);
    }

    /** Every response received so far to {@code task} (same task id and etag). */
    public List<Received> responsesTo(TaskRequest task) {
        return received.stream().filter(r -> r.response().getTaskId().equals(task.getTaskId())
                && r.response().getEtag().equals(task.getEtag())).toList();
    }

    /** Waits for the first response to {@code task} whose status is not PROCESSING. */
    public Received awaitFinal(TaskRequest task, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : responsesTo(task)) {
                if (r.response().getStatus() != TaskStatus.PROCESSING) {
                    return r;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no final response to " + task.getType() + " " + task.getTaskId() + " within " + timeout
                + "; got " + responsesTo(task).stream().map(r -> r.response().getStatus()).toList());
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        reader.join(2_000);
        criticalReader.join(2_000);
        connection.close();
        client.close();
    }
}
