package org.k8sca.kube.client;

import org.k8sca.kube.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket like client-go's: up to {@code burst} requests at once, then {@code qps} per
 * second. Callers reserve a token and then wait outside the lock, so waiting callers queue fairly.
 */
public final class TokenBucket {

    private final double qps;
    private final int burst;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private Instant last;

    /**
     * @param qps tokens per second; 0 or less means no limit
     * @param burst bucket size (at least 1)
     */
    public TokenBucket(double qps, int burst, Clock clock, Sleeper sleeper) {
        if (burst < 1 && qps > 0) {
            throw new IllegalArgumentException(
                    "kube client burst must be at least 1, got " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = clock.instant();
    }

    public boolean unlimited() {
        return qps <= 0;
    }

    /** Takes a token, waiting until one is due. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Takes a token now (possibly going into debt) and says how long to wait before using it. */
    synchronized Duration reserve() {
        if (unlimited()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        last = now;
        tokens = Math.min(burst, tokens + elapsed * qps);
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
    }
}
