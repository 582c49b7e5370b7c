package dev.krypton.rootkey.resilience;

import dev.krypton.rootkey.RootKeyException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A circuit breaker for one provider endpoint, shared by every key reached through it, so a dead
 * KMS fails fast instead of stalling the link of other tenants.
 *
 * <p>CLOSED: calls pass; {@code threshold} consecutive UNAVAILABLE outcomes open it. OPEN: calls
 * fail at once with UNAVAILABLE until {@code openFor} has passed. HALF_OPEN: one trial call passes;
 * success closes the breaker, failure opens it again. A DENIED answer is an answer: it counts as
 * contact, not as a failure.
 */
public final class CircuitBreaker {

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final String name;
    private final int threshold;
    private final Duration openFor;
    private final InstantSource clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt = Instant.EPOCH;
    private boolean trialInFlight;

    public CircuitBreaker(String name, int threshold, Duration openFor, InstantSource clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.openFor = Objects.requireNonNull(openFor, "openFor");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threshold < 1 || openFor.isNegative()) {
            throw RootKeyException.denied("circuit breaker needs threshold >= 1 and a non-negative open time");
        }
        this.threshold = threshold;
    }

    /** Admits a call or throws UNAVAILABLE when open. Each admitted call must report its outcome. */
    public synchronized void acquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        switch (state) {
            case CLOSED -> { }
            case OPEN -> throw RootKeyException.unavailable("circuit breaker " + name + " is open");
            case HALF_OPEN -> {
                if (trialInFlight) {
                    throw RootKeyException.unavailable("circuit breaker " + name + " is half-open, trial call in flight");
                }
                trialInFlight = true;
            }
        }
    }

    /** The admitted call reached the provider (success or DENIED). */
    public synchronized void onContact() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    /** The admitted call failed as UNAVAILABLE. */
    public synchronized void onUnavailable() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }
}
