package org.k8sca.kamatera.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock for tests that moves only when told to. Thread-safe. Time never goes backwards, because
 * the simulator's queue commands would otherwise un-complete.
 */
public final class ManualClock implements InstantSource {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** A clock at 2025-01-24T10:00:00Z, a fixed arbitrary start. */
    public ManualClock() {
        this(Instant.parse("2025-01-24T10:00:00Z"));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** Moves the clock forward. */
    public synchronized ManualClock advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move the clock backwards by " + d);
        }
        now = now.plus(d);
        return this;
    }

    public ManualClock advanceSeconds(long seconds) {
        return advance(Duration.ofSeconds(seconds));
    }

    /** Sets the clock to a later (or the same) instant. */
    public synchronized ManualClock set(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalArgumentException(
                    "cannot move the clock backwards from " + now + " to " + t);
        }
        now = t;
        return this;
    }
}
