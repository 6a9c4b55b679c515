package org.k8sca.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves forward by {@code step} every time it is read, so time budgets run out in
 * tests.
 */
public final class StepClock extends Clock {

    private Instant now;
    private final Duration step;
    private int reads;

    public StepClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /** A clock that never moves. */
    public static StepClock fixed(Instant at) {
        return new StepClock(at, Duration.ZERO);
    }

    public int reads() {
        return reads;
    }

    @Override
    public Instant instant() {
        reads++;
        Instant t = now;
        now = now.plus(step);
        return t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
