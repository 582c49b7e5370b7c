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

    static AmqpConfig config(String prefix, int prefetch, int workers) {
        return new AmqpConfig(HOST, PORT,
                new AmqpConfig.Auth.Plain("guest", "guest", new AmqpConfig.Tls.Off()),
                "/queue/" + prefix + "-tasks", "/queue/" + prefix + "-critical", "/queue/" + prefix + "-responses",
                prefetch, workers, Duration.ofMillis(50));
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
        Delivery d = responses.receive(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no response within " + timeout);
        }
        byte[] body = (byte[]) d.message().body();
        d.accept();
        return TaskResponse.parseFrom(body);
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
