package org.k8sca.app.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks the scale-down actuator on a thread of its own, every {@link #PERIOD}, so drains and
 * deletions advance while the main loop plans. A tick that throws is logged; the next one runs.
 */
public final class ActuatorTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActuatorTicker.class);

    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "scale-down-actuator");
                        t.setDaemon(true);
                        return t;
                    });

    public ActuatorTicker(ActuatorRunner actuator, Clock clock) {
        Objects.requireNonNull(actuator, "actuator");
        Objects.requireNonNull(clock, "clock");
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        actuator.tick(clock.instant());
                    } catch (RuntimeException e) {
                        LOG.error("Scale-down actuator tick failed", e);
                    }
                },
                PERIOD.toMillis(),
                PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; a tick in progress finishes first (waiting at most a few seconds). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
