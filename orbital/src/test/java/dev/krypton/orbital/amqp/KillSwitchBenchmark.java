package dev.krypton.orbital.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantCommands;
import dev.krypton.engine.TenantId;
import dev.krypton.orbital.FakeEngine;
import dev.krypton.orbital.IntakeAudit;
import dev.krypton.orbital.RealEngine;
import dev.krypton.orbital.SignatureCheck;
import dev.krypton.orbital.TaskProcessor;
import dev.krypton.orbital.Tasks;
import dev.krypton.storage.tck.MemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The kill-switch measurement: 10,000 SYSTEM_LINK tasks wait on a root key that takes
 * 200 ms per call (8 routine workers), against the real engine over the fake KMS and in-memory
 * storage ({@code -Dkrypton.bench.engine=fake} for the FakeEngine port), and an unlink is published on the critical address or on
 * the task address; measured is "unlink published -> first failing unwrap" of that tenant, over
 * many trials (after a warm-up round that is not counted). Runs only with {@code -Dkrypton.bench=true}; prints and writes the percentiles to
 * {@code target/killswitch.txt}. Asserts only that every unlink took effect while the backlog
 * was still queued, never a time bound.
 */
@EnabledIfSystemProperty(named = "krypton.bench", matches = "true")
class KillSwitchBenchmark {

    private static final int BACKLOG = Integer.getInteger("krypton.bench.backlog", 10_000);
    private static final int TRIALS = Integer.getInteger("krypton.bench.trials", 200);

    /** The engine under test: the real one over fakes of storage and KMS, or the FakeEngine port. */
    private interface World extends AutoCloseable {
        TenantCommands commands();

        /** Links {@code tenant} directly (fast root key) and returns a probe: does its data key unwrap? */
        BooleanSupplier linkVictim(String tenant);

        @Override
        void close();
    }

    private static World world() {
        if ("fake".equals(System.getProperty("krypton.bench.engine", "real"))) {
            FakeEngine fake = new FakeEngine();
            fake.rootKeyLatency(Duration.ofMillis(200));
            return new World() {
                @Override
                public TenantCommands commands() {
                    return fake;
                }

                @Override
                public BooleanSupplier linkVictim(String tenant) {
                    fake.execute(new TenantCommand.Link(TenantId.of(tenant), RootKeyRef.of("fake", "fast-key")));
                    return () -> fake.unwrap(tenant);
                }

                @Override
                public void close() {
                }
            };
        }
        RealEngine real = new RealEngine(new MemoryStorage());
        real.slowLatency(Duration.ofMillis(200));
        return new World() {
            @Override
            public TenantCommands commands() {
                return real.commands();
            }

            @Override
            public BooleanSupplier linkVictim(String tenant) {
                real.commands().execute(new TenantCommand.Link(TenantId.of(tenant), RootKeyRef.of("fake", "fast-key")));
                return real.wrappedKeyOf(tenant);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void unlinkOvertakesTenThousandSlowLinks() throws Exception {
        AmqpConfig config = Broker.config("krypton-bench", 20_000, 8);
        StringBuilder report = new StringBuilder("engine: " + System.getProperty("krypton.bench.engine", "real")
                + ", backlog " + BACKLOG + " links at 200 ms per root-key call, 8 routine workers\n");
        try (World engine = world(); Broker orbital = new Broker(config.responseAddress())) {
            orbital.drain(config.taskAddress());
            orbital.drain(config.criticalAddress());
            orbital.drainResponses();
            try (Sender tasks = orbital.sender(config.taskAddress());
                 Sender critical = orbital.sender(config.criticalAddress())) {
                for (int i = 0; i < BACKLOG; i++) {
                    tasks.send(Message.create(Tasks.link("bulk-" + i, "slow-key").toByteArray()).durable(true));
                }
                tasks.send(Message.create(Tasks.link("bulk-last", "slow-key").toByteArray()).durable(true))
                        .awaitSettlement(60, TimeUnit.SECONDS);
                TaskProcessor processor = new TaskProcessor(engine.commands(), new MemoryStorage(), SignatureCheck.off(),
                        IntakeAudit.logging(), 30, Clock.systemUTC());
                try (AmqpIntake intake = AmqpIntake.start(processor, config)) {
                    waitForBacklog(intake);
                    measure("warm-up", engine, critical, intake);
                    report.append(measure("critical address", engine, critical, intake));
                    report.append(measure("task address", engine, tasks, intake));
                }
            }
            orbital.drain(config.taskAddress());
            orbital.drainResponses();
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "killswitch.txt"), report);
    }

    private static void waitForBacklog(AmqpIntake intake) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (intake.routineBacklog() < BACKLOG - 100 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(intake.routineBacklog()).isGreaterThan(BACKLOG - 100);
    }

    private static String measure(String name, World engine, Sender sender, AmqpIntake intake) throws Exception {
        long[] micros = new long[TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            String tenant = "victim-" + name.charAt(0) + i;
            BooleanSupplier unwraps = engine.linkVictim(tenant);
            assertThat(unwraps.getAsBoolean()).isTrue();
            byte[] unlink = Tasks.unlink(tenant).toByteArray();
            long t0 = System.nanoTime();
            sender.send(Message.create(unlink).durable(true));
            while (unwraps.getAsBoolean()) {
                LockSupport.parkNanos(20_000);
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                    throw new AssertionError("unlink of " + tenant + " did not take effect within 30 s");
                }
            }
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        int backlog = intake.routineBacklog();
        assertThat(backlog).as("link backlog still queued after the trials").isGreaterThan(BACKLOG / 2);
        Arrays.sort(micros);
        return String.format("kill switch via %s: trials=%d backlog-at-end=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                name, TRIALS, backlog, micros[TRIALS / 2] / 1000.0, micros[TRIALS * 90 / 100] / 1000.0,
                micros[TRIALS * 99 / 100] / 1000.0, micros[TRIALS - 1] / 1000.0);
    }
}
