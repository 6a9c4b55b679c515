package org.k8sca.app.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides when loops run (spec autoscaler-core.md §1.2): every {@code --scan-interval}; at once
 * after a productive loop when {@code --frequent-loops-enabled}; early when woken because a pod
 * became unschedulable, but then not sooner than {@link #MIN_GAP_AFTER_WAKE} after the last loop
 * started, so a burst of new pods makes one loop, not hundreds; and at the time a loop asked for
 * ({@link LoopOutcome#nextLoopBy}) when that is sooner: the end of the 2 s wait for more pods,
 * which upstream only ends at the next scan interval (10 s after a new pod instead of 2 s).
 *
 * <p>{@link #run()} blocks the calling thread until {@link #stop()}.
 */
public final class LoopScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(LoopScheduler.class);

    /**
     * The shortest time between two loops when the second one was triggered by a new pending pod.
     */
    public static final Duration MIN_GAP_AFTER_WAKE = Duration.ofSeconds(1);

    private final Function<Instant, LoopOutcome> loop;
    private final Clock clock;
    private final WakeSignal signal;
    private final Duration scanInterval;
    private final boolean frequentLoops;
    private volatile boolean stopped;

    /**
     * @param loop runs one loop starting at the given time
     * @param signal where to wait between loops
     */
    public LoopScheduler(
            Function<Instant, LoopOutcome> loop,
            Clock clock,
            WakeSignal signal,
            Duration scanInterval,
            boolean frequentLoops) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signal = Objects.requireNonNull(signal, "signal");
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException(
                    "--scan-interval must be positive, got " + scanInterval);
        }
        this.scanInterval = scanInterval;
        this.frequentLoops = frequentLoops;
    }

    /** Runs loops until {@link #stop()} or interruption. */
    public void run() {
        try {
            while (!stopped) {
                Instant started = clock.instant();
                LoopOutcome outcome = loop.apply(started);
                if (stopped) {
                    return;
                }
                if (frequentLoops && outcome.productive()) {
                    continue;
                }
                waitForNextLoop(started, outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Loop interrupted; stopping");
        }
    }

    private void waitForNextLoop(Instant started, LoopOutcome outcome) throws InterruptedException {
        Duration left = remaining(started, scanInterval);
        if (outcome.nextLoopBy().isPresent()) {
            Duration until = Duration.between(clock.instant(), outcome.nextLoopBy().get());
            if (until.compareTo(left) < 0) {
                left = until.isNegative() ? Duration.ZERO : until;
            }
        }
        boolean woken = signal.await(left);
        if (woken && !stopped) {
            Duration gap = remaining(started, MIN_GAP_AFTER_WAKE);
            if (!gap.isZero()) {
                // A second wake within the gap is absorbed by this short wait.
                signal.await(gap);
            }
        }
    }

    private Duration remaining(Instant started, Duration interval) {
        Duration left = Duration.between(clock.instant(), started.plus(interval));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Asks for a loop soon: a pod became unschedulable. */
    public void wakeUp() {
        signal.wake();
    }

    /** Ends {@link #run()} after the current loop. */
    public void stop() {
        stopped = true;
        signal.wake();
    }
}
