package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.orbital.wire.orbital.TaskRequest;
import dev.krypton.orbital.wire.orbital.TaskResponse;
import dev.krypton.orbital.wire.orbital.TaskStatus;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Competing consumers over the real RabbitMQ: two intakes, standing for two nodes of one
 * region (one shared task log and tenant table), receive from the same task address. The broker
 * hands each task to one of them: every task is processed once, by one node, and answered once.
 */
class CompetingConsumersTest {

    private static final int TASKS = 40;

    @Test
    void twoNodesOnOneAddressShareTheTasksAndEachIsProcessedOnce() throws Exception {
        FakeEngine region = new FakeEngine();
        MemoryStorage shared = new MemoryStorage();
        AmqpConfig config = Broker.config("krypton-compete", 4, 2);
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();
        Broker orbital = new Broker(config.responseAddress());
        try {
            orbital.drain(config.taskAddress());
            orbital.drain(config.criticalAddress());
            orbital.drainResponses();
            try (AmqpIntake first = AmqpIntake.start(processor(region, shared, byFirst), config);
                 AmqpIntake second = AmqpIntake.start(processor(region, shared, bySecond), config)) {
                List<TaskRequest> sent = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    TaskRequest link = Tasks.link("compete-" + i, "key-1");
                    sent.add(link);
                    orbital.publish(config.taskAddress(), link.toByteArray());
                }
                Map<String, Integer> answers = new HashMap<>();
                for (int i = 0; i < TASKS; i++) {
                    TaskResponse r = orbital.nextResponse(Duration.ofSeconds(30));
                    assertThat(r.getStatus()).isEqualTo(TaskStatus.DONE);
                    answers.merge(r.getTaskId(), 1, Integer::sum);
                }
                assertThat(orbital.noResponseWithin(Duration.ofSeconds(1))).as("no second answer to any task").isTrue();
                assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(TaskRequest::getTaskId).toList());
                assertThat(byFirst.get() + bySecond.get()).as("each task processed by exactly one node").isEqualTo(TASKS);
                assertThat(byFirst.get()).as("the first node got a share").isPositive();
                assertThat(bySecond.get()).as("the second node got a share").isPositive();
                assertThat(region.effects()).isEqualTo(TASKS);
            }
        } finally {
            orbital.close();
        }
    }

    private static TaskProcessor processor(FakeEngine engine, MemoryStorage log, AtomicInteger processed) {
        IntakeAudit counting = new IntakeAudit() {
            @Override
            public void rejected(String taskId, String type, String reason) {
            }

            @Override
            public void processed(String taskId, String type, String tenantId, String status, String detail) {
                processed.incrementAndGet();
            }
        };
        return new TaskProcessor(engine, log, SignatureCheck.off(), counting, 30, Clock.systemUTC());
    }
}
