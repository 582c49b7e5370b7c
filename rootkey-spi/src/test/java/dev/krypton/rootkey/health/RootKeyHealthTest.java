package dev.krypton.rootkey.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.MutableClock;
import dev.krypton.rootkey.ScriptedRootKey;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.health.TenantHealth.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fail-closed rules, driven by a hand-moved clock and a provider whose answers the test scripts. */
class RootKeyHealthTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration AUTONOMY = Duration.ofMinutes(30);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock();
    private final List<HealthEvent> events = new ArrayList<>();
    private final List<Instant> eventTimes = new ArrayList<>();
    private final RootKeyHealth health = new RootKeyHealth(new HealthPolicy(INTERVAL, 0.2, AUTONOMY), clock,
            new SplittableRandom(7), Runnable::run, e -> {
                events.add(e);
                eventTimes.add(clock.instant());
            });
    private final ScriptedRootKey key = new ScriptedRootKey();

    @Test
    void deniedIsReportedWithinOneProbeInterval() {
        for (int tenant = 0; tenant < 20; tenant++) {
            health.watch("t" + tenant, key, WrapContext.tenant("t" + tenant));
        }
        run(Duration.ofMinutes(7).plusSeconds(13));
        key.failing(Failure.DENIED);
        Instant revoked = clock.instant();
        run(INTERVAL.plus(TICK));
        assertThat(events).hasSize(20).allMatch(e -> e instanceof HealthEvent.Denied);
        assertThat(eventTimes).allMatch(t -> !t.isAfter(revoked.plus(INTERVAL)));
        assertThat(health.status("t3").orElseThrow().status()).isEqualTo(Status.DENIED);
    }

    @Test
    void outageShorterThanMaxAutonomyKeepsServing() {
        health.watch("t1", key, WrapContext.tenant("t1"));
        run(Duration.ofMinutes(6));
        key.failing(Failure.UNAVAILABLE);
        run(AUTONOMY.minus(INTERVAL.multipliedBy(2)));
        assertThat(health.status("t1").orElseThrow().status()).isEqualTo(Status.DEGRADED);
        key.healthy();
        run(INTERVAL);
        assertThat(events).hasExactlyElementsOfTypes(HealthEvent.Degraded.class, HealthEvent.Restored.class);
        assertThat(health.status("t1").orElseThrow().status()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void outageLongerThanMaxAutonomyStopsServingAtTheDeadline() {
        health.watch("t1", key, WrapContext.tenant("t1"));
        run(Duration.ofMinutes(6));
        Instant lastSuccess = health.status("t1").orElseThrow().lastSuccess();
        key.failing(Failure.UNAVAILABLE);
        run(AUTONOMY.plus(INTERVAL));
        assertThat(events).hasExactlyElementsOfTypes(HealthEvent.Degraded.class, HealthEvent.AutonomyExpired.class);
        Instant expiredAt = eventTimes.get(1);
        assertThat(expiredAt).isBetween(lastSuccess.plus(AUTONOMY), lastSuccess.plus(AUTONOMY).plus(TICK));
        assertThat(health.status("t1").orElseThrow().status()).isEqualTo(Status.EXPIRED);

        key.healthy();
        run(INTERVAL);
        assertThat(events.getLast()).isEqualTo(new HealthEvent.Restored("t1"));
    }

    @Test
    void transientBlipBetweenProbesIsInvisible() {
        health.watch("t1", key, WrapContext.tenant("t1"));
        key.once(Failure.UNAVAILABLE);
        run(INTERVAL.multipliedBy(3));
        assertThat(events).hasExactlyElementsOfTypes(HealthEvent.Degraded.class, HealthEvent.Restored.class);
    }

    @Test
    void probeGapsStayWithinTheJitteredInterval() {
        health.watch("t1", key, WrapContext.tenant("t1"));
        Instant previous = clock.instant();
        int before = key.calls();
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i < 20_000 && gaps.size() < 30; i++) {
            clock.advance(TICK);
            health.runDue();
            if (key.calls() > before) {
                gaps.add(Duration.between(previous, clock.instant()));
                previous = clock.instant();
                before = key.calls();
            }
        }
        assertThat(gaps).hasSize(30).allMatch(g -> g.compareTo(INTERVAL.multipliedBy(8).dividedBy(10)) >= 0
                && g.compareTo(INTERVAL.plus(TICK)) <= 0);
        assertThat(gaps.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void unwatchedTenantIsNeitherProbedNorReported() {
        health.watch("t1", key, WrapContext.tenant("t1"));
        health.unwatch("t1");
        key.failing(Failure.DENIED);
        run(INTERVAL.multipliedBy(2));
        assertThat(key.calls()).isZero();
        assertThat(events).isEmpty();
        assertThat(health.status("t1")).isEmpty();
    }

    private void run(Duration span) {
        for (Duration d = Duration.ZERO; d.compareTo(span) < 0; d = d.plus(TICK)) {
            clock.advance(TICK);
            health.runDue();
        }
    }
}
