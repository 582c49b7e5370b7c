package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.TenantId;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Competing consumers: two nodes, each with its own engine, task processor and
 * connection pool, share one real PostgreSQL store, and both receive the same task at the same
 * moment (a broker redelivering to another node, or a duplicate). Exactly one effect happens, and
 * both answers, after any redelivery of a released one, are the single recorded response.
 */
class PostgresTaskRaceTest {

    private static final String DATABASE = "krypton_orbital_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @BeforeAll
    static void createDatabase() throws Exception {
        admin("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static StorageConfig store() {
        return new StorageConfig("postgres", Map.of("url", SERVER + DATABASE, "user", "postgres", "sslmode", "disable",
                "schema", "race", "pool-size", "4"));
    }

    private record Node(Storage storage, RealEngine engine, TaskProcessor processor) implements AutoCloseable {
        static Node start(String id, FakeRootKeys kms) {
            Storage storage = StorageProviders.open(store());
            RealEngine engine = new RealEngine(storage, kms, ClusterOptions.of(id).withPollInterval(Duration.ofMillis(200))
                    .withStaleness(Duration.ofSeconds(2)));
            IntakeAudit quiet = new IntakeAudit() {
                @Override
                public void rejected(String taskId, String type, String reason) {
                }

                @Override
                public void processed(String taskId, String type, String tenantId, String status, String detail) {
                }
            };
            return new Node(storage, engine, new TaskProcessor(engine.commands(), storage.taskLog(), SignatureCheck.off(),
                    quiet, 30, Clock.systemUTC()));
        }

        /** Processes the task as a transport would: a released task is delivered again (here: at once, to this node). */
        TaskResponse deliver(TaskRequest task) {
            for (int attempt = 0; attempt < 50; attempt++) {
                switch (processor.process(task)) {
                    case Disposition.Accept a -> {
                        return a.response();
                    }
                    case Disposition.Reject r -> throw new AssertionError("rejected: " + r.response().getErrorMessage());
                    case Disposition.Release r -> {
                    }
                }
            }
            throw new AssertionError("released 50 times");
        }

        @Override
        public void close() {
            engine.close();
            storage.close();
        }
    }

    @Test
    void twoNodesRacingOnOneTaskProduceOneEffectAndTheSameAnswer() throws Exception {
        FakeRootKeys kms = new FakeRootKeys();
        try (Node a = Node.start("node-a", kms); Node b = Node.start("node-b", kms);
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 12; round++) {
                String tenant = "t" + round;
                for (TaskRequest task : List.of(Tasks.link(tenant, "key-1"), Tasks.unlink(tenant))) {
                    long before = a.engine.commands().status(TenantId.of(tenant)).map(s -> s.generation()).orElse(0L);
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<TaskResponse>> answers = new ArrayList<>();
                    for (Node n : List.of(a, b)) {
                        answers.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return n.deliver(task);
                        }));
                    }
                    TaskResponse fromA = answers.get(0).get(1, TimeUnit.MINUTES);
                    TaskResponse fromB = answers.get(1).get(1, TimeUnit.MINUTES);

                    assertThat(fromA.getStatus()).as(task.getType() + " " + tenant).isEqualTo(TaskStatus.DONE);
                    assertThat(Tasks.outcome(fromB)).isEqualTo(Tasks.outcome(fromA));
                    assertThat(fromB.getMetaDataMap().get(CommandRunner.PROPAGATION_MS))
                            .isEqualTo(fromA.getMetaDataMap().get(CommandRunner.PROPAGATION_MS));
                    TaskResponse recorded = TaskResponse.parseFrom(a.storage.taskLog().get(task.getTaskId(), task.getEtag())
                            .orElseThrow().response());
                    assertThat(Tasks.outcome(recorded)).isEqualTo(Tasks.outcome(fromA));
                    assertThat(a.engine.commands().status(TenantId.of(tenant)).orElseThrow().generation())
                            .as("one effect: the generation moved once").isEqualTo(before + 1);
                }
            }
        }
    }
}
