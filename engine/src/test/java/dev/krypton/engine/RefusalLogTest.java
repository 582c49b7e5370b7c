package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Lines lines = new Lines();
    private final RefusalLog log = new RefusalLog(lines, "storage not confirmed", Duration.ofSeconds(10), now::get);

    @Test
    void aFloodOfRefusalsIsTheFirstLineThenOneSummaryPerInterval() {
        for (int i = 0; i < 10_000; i++) {
            log.refused("no confirmation");
            now.addAndGet(TimeUnit.MICROSECONDS.toNanos(100)); // 10,000 a second
        }
        // one second of refusals: only the first one is logged
        assertThat(lines.all).hasSize(1);
        assertThat(lines.all.getFirst()).startsWith("WARNING storage not confirmed: refusing as retryable (no confirmation)");

        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        log.refused("no confirmation");
        assertThat(lines.all).hasSize(2);
        assertThat(lines.all.get(1)).isEqualTo("WARNING storage not confirmed: 10000 more refused since the last line"
                + " (latest: no confirmation)");

        for (int i = 0; i < 500; i++) {
            log.refused("no confirmation");
        }
        assertThat(lines.all).as("no second summary within the interval").hasSize(2);
    }

    @Test
    void aTimerTickReportsABurstThatStoppedAndNothingWhenNothingIsPending() {
        log.refused("a");
        log.refused("b");
        log.refused("c");
        log.tick();
        assertThat(lines.all).as("interval not up").hasSize(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        log.tick();
        assertThat(lines.all).last().isEqualTo("WARNING storage not confirmed: 2 more refused since the last line");

        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        log.tick();
        assertThat(lines.all).as("nothing pending: no line").hasSize(2);
    }

    @Test
    void theEndOfAnEpisodeReportsTheRestAndTheNextRefusalIsLoggedAsFirstAgain() {
        log.refused("a");
        log.refused("b");
        log.ended();
        assertThat(lines.all).last().isEqualTo("INFO storage not confirmed: no longer refusing; 1 more refused since the last line");
        log.ended();
        assertThat(lines.all).as("ended once").hasSize(2);

        log.refused("c");
        assertThat(lines.all).hasSize(3).last().asString().contains("refusing as retryable (c)");
    }

    @Test
    void endWithoutRefusalsLogsNothing() {
        log.ended();
        log.tick();
        assertThat(lines.all).isEmpty();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new RefusalLog(lines, "x", Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenantNotYetUnsealedIsRefusedRetryablyAndCountedUntilTheUnsealIsDone() {
        Registry registry = new Registry(log);
        TenantId t = TenantId.of("acme");
        registry.markLoading(List.of(t));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> registry.active(t))
                    .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        }
        assertThat(lines.all).hasSize(1).first().asString().contains("tenant acme is still being unsealed");
        registry.doneLoading(t);
        assertThat(lines.all).last().isEqualTo("INFO storage not confirmed: no longer refusing; 2 more refused since the last line");
    }

    /** A logger that keeps "LEVEL message" lines. */
    private static final class Lines implements System.Logger {
        final List<String> all = new ArrayList<>();

        @Override
        public String getName() {
            return "lines";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            all.add(level.name() + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            all.add(level.name() + " " + format);
        }
    }
}
