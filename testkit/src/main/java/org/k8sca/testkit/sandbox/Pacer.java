package org.k8sca.testkit.sandbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps virtual time running at {@code speed} times real time. Virtual time moves in steps; after
 * each step the pacer waits until the real time that step is due, so short delays even out. When
 * the machine falls more than a step behind, the pacer counts afresh from there instead of rushing
 * through the following steps without waiting.
 */
final class Pacer {

    /** Waits for a number of real nanoseconds; may return early when interrupted. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long startNanos;
    private Duration virtualElapsed = Duration.ZERO;

    /**
     * @param speed virtual seconds per real second; 0 means never wait
     * @param nanoTime the real clock ({@code System::nanoTime} outside tests)
     * @param sleeper how to wait ({@code Thread.sleep} outside tests)
     */
    Pacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(speed >= 0)) {
            throw new IllegalArgumentException("speed must be 0 or more, got " + speed);
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.startNanos = nanoTime.getAsLong();
    }

    /**
     * Virtual time moved by {@code step}; waits until the real time it is due.
     *
     * @throws InterruptedException when the wait was interrupted (the demo is stopping)
     */
    void advanced(Duration step) throws InterruptedException {
        virtualElapsed = virtualElapsed.plus(step);
        if (speed == 0) {
            return;
        }
        long dueNanos = startNanos + (long) (virtualElapsed.toNanos() / speed);
        long waitNanos = dueNanos - nanoTime.getAsLong();
        if (waitNanos > 0) {
            sleeper.sleepNanos(waitNanos);
        } else if (-waitNanos > (long) (step.toNanos() / speed)) {
            // More than a step behind (a slow machine): start counting afresh from now, so the demo
            // does not rush through the next steps to make up for it.
            startNanos -= waitNanos;
        }
    }
}
