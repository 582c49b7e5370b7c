package dev.krypton.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Receiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code krypton task ... --amqp URL} through the real RabbitMQ (AMQP 1.0 plugin on 127.0.0.1:5672)
 * to a dev node consuming queues of its own ({@code krypton-app-task-test*}), drained first of what an
 * earlier run may have left.
 */
class TaskAmqpTest {

    private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

    @Test
    void tasksGoThroughTheBrokerAndTheResponseComesBackOnTheResponseQueue(@TempDir Path dir) throws Exception {
        String queues = "krypton-app-task-test";
        drain(queues);
        Path data = dir.resolve("node");
        try (Child dev = Child.start(dir, "dev", "--data-dir", data.toString(), "--kmip-port", "0", "--grpc-port", "0",
                "--admin-port", "0", "--amqp", BROKER, "--amqp-queues", queues)) {
            dev.await("Krypton development node is ready.", 60);
            assertThat(dev.await("AMQP intake", 5)).contains("/queue/" + queues + "-tasks");

            Run linked = krypton("task", "link", "--tenant", "acme", "--key-id", "acme-root", "--amqp", BROKER, "--amqp-queues", queues);
            assertThat(linked.code).as(linked.toString()).isZero();
            assertThat(linked.out).contains("SYSTEM_LINK acme: DONE");
            assertThat(Files.exists(data.resolve("root-keys/acme-root.key"))).isTrue();

            Run unlinked = krypton("task", "unlink", "--tenant", "acme", "--amqp", BROKER, "--amqp-queues", queues);
            assertThat(unlinked.code).as(unlinked.toString()).isZero();
            assertThat(unlinked.out).contains("SYSTEM_UNLINK acme: DONE");

            Run refused = krypton("task", "link", "--tenant", "globex", "--key-id", "no-such-key", "--provider", "nope",
                    "--amqp", BROKER, "--amqp-queues", queues);
            assertThat(refused.code).as(refused.toString()).isEqualTo(Main.FAILED);
            assertThat(refused.out).contains("SYSTEM_LINK globex: FAILED");

            dev.terminate();
            assertThat(dev.exit(30)).isZero();
        }
    }

    @Test
    void noConsumerMeansNoResponseInTimeAndExitOne() throws Exception {
        drain("krypton-app-task-test-idle");
        String nobody = "krypton-app-task-test-idle";
        Run r = krypton("task", "link", "--tenant", "acme", "--key-id", "k", "--amqp", BROKER, "--amqp-queues", nobody,
                "--timeout-ms", "1500");
        assertThat(r.code).isEqualTo(Main.FAILED);
        assertThat(r.err).contains("no response to task").doesNotContain("guest:guest");
        assertThat(drain(nobody)).as("the task waits on the routine queue").isEqualTo(1);
    }

    @Test
    void malformedBrokerUrlIsAUsageError() {
        assertThat(krypton("task", "link", "--tenant", "acme", "--amqp", "http://x").code).isEqualTo(Main.USAGE);
        assertThat(krypton("task", "link", "--tenant", "acme", "--amqp", BROKER, "--amqp-queues", "a b").code).isEqualTo(Main.USAGE);
    }

    /** Accepts and drops what earlier runs left on the queues of {@code name}; returns how many tasks there were. */
    static int drain(String name) throws Exception {
        int tasks = 0;
        try (Client client = Client.create();
             Connection c = client.connect("127.0.0.1", 5672, new ConnectionOptions().user("guest").password("guest"))) {
            for (String suffix : List.of("-tasks", "-critical-tasks", "-responses", "-critical-responses")) {
                try (Receiver r = c.openReceiver("/queue/" + name + suffix)) {
                    for (Delivery d = r.receive(500, TimeUnit.MILLISECONDS); d != null; d = r.receive(300, TimeUnit.MILLISECONDS)) {
                        d.accept();
                        tasks += suffix.endsWith("-responses") ? 0 : 1;
                    }
                }
            }
        }
        return tasks;
    }

    private static Run krypton(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
