package dev.krypton.orbital.client;

import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
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
 * Sends tasks the way Orbital does over AMQP 1.0 (one data section of protobuf bytes) and reads
 * the matching response from the response address, skipping responses to other tasks.
 */
public final class AmqpTaskSender implements AutoCloseable {

    private final Client client = Client.create();
    private final Connection connection;
    private final Receiver responses;

    /** Connects with SASL PLAIN and attaches to the response address. */
    public AmqpTaskSender(String host, int port, String user, String password, String responseAddress) {
        try {
            connection = client.connect(host, port, new ConnectionOptions().user(user).password(password));
            responses = connection.openReceiver(responseAddress);
        } catch (ClientException e) {
            throw new OrbitalException("cannot connect to AMQP broker " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Publishes a task to {@code address} and waits for its response. */
    public TaskResponse send(String address, TaskRequest task, long timeoutMillis) {
        try {
            try (Sender sender = connection.openSender(address)) {
                sender.send(Message.create(task.toByteArray()).durable(true))
                        .awaitSettlement(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (System.nanoTime() < deadline) {
                Delivery d = responses.receive(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                        TimeUnit.MILLISECONDS);
                if (d == null) {
                    break;
                }
                d.accept();
                TaskResponse r = TaskResponse.parseFrom((byte[]) d.message().body());
                if (r.getTaskId().equals(task.getTaskId()) && r.getEtag().equals(task.getEtag())) {
                    return r;
                }
            }
            throw new OrbitalException("no response to task " + task.getTaskId() + " within " + timeoutMillis + " ms");
        } catch (ClientException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new OrbitalException("AMQP task " + task.getTaskId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.close();
    }
}
