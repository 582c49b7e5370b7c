package dev.krypton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
    @Test
    void closedLoopCountsSuccessesAndFailuresSeparatelyAndKeepsTheFirstError() {
        var calls = new AtomicLong();
        LoadRunner.Result r = LoadRunner.run(2, 0, Duration.ZERO, Duration.ofMillis(300), () -> {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("every third fails");
            }
        });
        assertThat(r.operations()).isPositive();
        assertThat(r.errors()).isPositive();
        assertThat(r.firstError()).isEqualTo("IllegalStateException: every third fails");
        assertThat(r.latencyNanos().getTotalCount()).isEqualTo(r.operations() + r.errors());
    }

    @Test
    void fixedRateNeverRunsMoreThanTheScheduleAllows() {
        var calls = new AtomicLong();
        LoadRunner.Result r = LoadRunner.run(4, 200, Duration.ZERO, Duration.ofMillis(500), calls::incrementAndGet);
        assertThat(calls.get()).isLessThanOrEqualTo(100);
        assertThat(r.operations()).isPositive().isLessThanOrEqualTo(calls.get());
        assertThat(r.errors()).isZero();
    }

    @Test
    void fixedRateChargesAStalledOperationToTheRequestsQueuedBehindIt() {
        var calls = new AtomicLong();
        LoadRunner.Result r = LoadRunner.run(1, 100, Duration.ZERO, Duration.ofSeconds(2), () -> {
            if (calls.incrementAndGet() == 1) {
                Thread.sleep(200);
            }
        });
        // the second request was due 10 ms after the first, so it waited at least 190 ms of the stall
        long slow = r.latencyNanos().getCountBetweenValues(Duration.ofMillis(150).toNanos(), r.latencyNanos().getMaxValue());
        assertThat(slow).isGreaterThanOrEqualTo(2);
    }
}
