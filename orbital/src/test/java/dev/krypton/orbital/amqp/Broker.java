package dev.krypton.orbital.amqp;

import dev.krypton.orbital.wire.orbital.TaskResponse;
import java.time.Duration;
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
 * The Orbital side of the test: publishes tasks to the real RabbitMQ on 127.0.0.1:5672 (AMQP 1.0
 * plugin) and reads responses. RabbitMQ declares a {@code /queue/NAME} queue when a link attaches.
 */
final class Broker implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5672;

    private final Client client = Client.create();
    private final Connection connection;
    private final Receiver responses;

    Broker(String responseAddress) throws ClientException {
        ConnectionOptions options = new ConnectionOptions().user("guest").password("guest");
        connection = client.connect(HOST, PORT, options);
        responses = connection.openReceiver(responseAddress);
        responses.openFuture();
    }

    /** Unique to this test JVM, so that parallel builds on one broker never share a queue. */
    private static final String RUN = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1);
    private static final java.util.Set<String> QUEUES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Numbers each config of this JVM, so that two tests (or two runs of one) never share a queue. */
    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Broker::deleteQueues));
    }

    /**
     * Addresses {@code /queue/PREFIX-RUN-N-tasks}, {@code -critical} and {@code -responses}, unique to
     * this JVM and to this call; the queues are deleted when it exits (best effort, with rabbitmqctl).
     */
    static AmqpConfig config(String prefix, int prefetch, int workers) {
        String name = prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
        for (String suffix : java.util.List.of("-tasks", "-critical", "-responses")) {
            QUEUES.add(name + suffix);
        }
        return new AmqpConfig(HOST, PORT,
                new AmqpConfig.Auth.Plain("guest", "guest", new AmqpConfig.Tls.Off()),
                "/queue/" + name + "-tasks", "/queue/" + name + "-critical", "/queue/" + name + "-responses",
                prefetch, workers, Duration.ofMillis(50));
    }

    /** {@code config} with the answers to unlink-class tasks on an address of their own, {@code ...-critical-responses}. */
    static AmqpConfig withCriticalResponses(AmqpConfig config) {
        String address = config.responseAddress().replaceFirst("-responses$", "-critical-responses");
        QUEUES.add(address.substring("/queue/".length()));
        return config.withCriticalResponseAddress(address);
    }

    private static void deleteQueues() {
        java.util.List<Process> running = new java.util.ArrayList<>();
        for (String q : QUEUES) {
            try {
                running.add(new ProcessBuilder("rabbitmqctl", "-q", "delete_queue", q).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            } catch (java.io.IOException e) {
                break;
            }
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }


    /** Removes whatever earlier runs left on the response queue. */
    void drainResponses() throws ClientException {
        Delivery d;
        while ((d = responses.receive(300, TimeUnit.MILLISECONDS)) != null) {
            d.accept();
        }
    }

    /** Accepts and drops every message waiting on {@code address} (left by an earlier run). */
    int drain(String address) throws ClientException {
        int n = 0;
        try (Receiver r = connection.openReceiver(address, new org.apache.qpid.protonj2.client.ReceiverOptions()
                .creditWindow(1000))) {
            Delivery d;
            while ((d = r.receive(500, TimeUnit.MILLISECONDS)) != null) {
                d.accept();
                n++;
            }
        }
        return n;
    }

    void publish(String address, byte[] body) throws ClientException {
        try (Sender sender = connection.openSender(address)) {
            sender.send(Message.create(body).durable(true)).awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    void publishText(String address, String body) throws ClientException {
        try (Sender sender = connection.openSender(address)) {
            sender.send(Message.create(body)).awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    Sender sender(String address) throws ClientException {
        return connection.openSender(address);
    }

    /** The next response, or a failure after {@code timeout}. */
    TaskResponse nextResponse(Duration timeout) throws Exception {
        return TaskResponse.parseFrom(nextMessage(timeout).body());
    }

    /** The next response message (accepted), or a failure after {@code timeout}. */
    Message<byte[]> nextMessage(Duration timeout) throws Exception {
        Delivery d = responses.receive(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no response within " + timeout);
        }
        Message<byte[]> message = d.message();
        d.accept();
        return message;
    }

    /**
     * The next response to task {@code taskId} ("" for tasks too broken to echo one), skipping
     * responses to other tasks (late answers to tasks an earlier run left on the queues).
     */
    TaskResponse responseTo(String taskId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            TaskResponse r = nextResponse(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (r.getTaskId().equals(taskId)) {
                return r;
            }
        }
        throw new AssertionError("no response to task '" + taskId + "' within " + timeout);
    }

    /** True when no response arrives within {@code wait}. */
    boolean noResponseWithin(Duration wait) throws ClientException {
        Delivery d = responses.receive(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (d != null) {
            d.accept();
        }
        return d == null;
    }

    @Override
    public void close() {
        connection.close();
        client.close();
    }
}
