package org.k8sca.app.http;

import org.k8sca.core.duration.GoDuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Upstream's liveness rule. Healthy until monitoring starts (when the main loop starts); then
 * unhealthy when now is past the last activity plus {@code --max-inactivity}, or past the last
 * successful loop plus {@code --max-failing-time}. Until the first successful loop both windows are
 * {@code --max-startup-time}, so a slow first loop (informers syncing) is not killed. Thread-safe.
 */
public final class HealthCheck {

    /** The verdict: {@code healthy} and the body to answer with. */
    public record Verdict(boolean healthy, String message) {}

    private final Clock clock;
    private final Duration maxInactivity;
    private final Duration maxFailingTime;
    private final Duration maxStartupTime;

    private boolean monitoring;
    private boolean succeededOnce;
    private Instant lastActivity;
    private Instant lastSuccess;

    public HealthCheck(
            Clock clock, Duration maxInactivity, Duration maxFailingTime, Duration maxStartupTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxInactivity = positive(maxInactivity, "--max-inactivity");
        this.maxFailingTime = positive(maxFailingTime, "--max-failing-time");
        this.maxStartupTime = positive(maxStartupTime, "--max-startup-time");
    }

    /** Starts judging, from now; later calls do nothing. */
    public synchronized void startMonitoring() {
        if (monitoring) {
            return;
        }
        monitoring = true;
        Instant now = clock.instant();
        lastActivity = now;
        lastSuccess = now;
    }

    /** The loop did something (a loop started). */
    public synchronized void activity(Instant at) {
        startMonitoring();
        if (at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    /** A loop finished without error; also counts as activity. */
    public synchronized void success(Instant at) {
        activity(at);
        succeededOnce = true;
        if (at.isAfter(lastSuccess)) {
            lastSuccess = at;
        }
    }

    /** Whether the autoscaler looks alive now. */
    public synchronized Verdict check() {
        if (!monitoring) {
            return new Verdict(true, "OK");
        }
        Instant now = clock.instant();
        Duration activityWindow = succeededOnce ? maxInactivity : maxStartupTime;
        Duration successWindow = succeededOnce ? maxFailingTime : maxStartupTime;
        boolean inactive = now.isAfter(lastActivity.plus(activityWindow));
        boolean failing = now.isAfter(lastSuccess.plus(successWindow));
        if (!inactive && !failing) {
            return new Verdict(true, "OK");
        }
        return new Verdict(
                false,
                "Error: last activity more "
                        + GoDuration.format(Duration.between(lastActivity, now))
                        + " ago, last success more than "
                        + GoDuration.format(Duration.between(lastSuccess, now))
                        + " ago");
    }

    private static Duration positive(Duration d, String flag) {
        Objects.requireNonNull(d, flag);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    flag + " must be positive, got " + GoDuration.format(d));
        }
        return d;
    }
}
