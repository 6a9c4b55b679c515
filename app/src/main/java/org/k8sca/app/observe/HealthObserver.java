package org.k8sca.app.observe;

import org.k8sca.app.http.HealthCheck;
import org.k8sca.app.loop.LoopObserver;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Tells the health check when loops start (activity) and when they succeed. */
public final class HealthObserver implements LoopObserver {

    private final HealthCheck health;

    public HealthObserver(HealthCheck health) {
        this.health = health;
    }

    @Override
    public void loopStarted(Instant now) {
        health.activity(now);
    }

    @Override
    public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
        if (error.isEmpty()) {
            health.success(started.plus(took));
        }
    }
}
