package org.k8sca.app.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulation's "now", standing still: every part of the pass sees the snapshot's moment, and
 * time budgets measured on it never run out, so the same snapshot always gives the same answer.
 */
final class SimulationClock extends Clock {
    private final Instant now;

    SimulationClock(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    @Override
    public Instant instant() {
        return now;
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
