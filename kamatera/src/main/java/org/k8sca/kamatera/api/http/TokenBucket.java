package org.k8sca.kamatera.api.http;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Client-side rate limit: a token bucket refilled at {@code permitsPerSecond} up to {@code burst}
 * tokens, on an injected clock. A reservation may drive the balance negative; the caller then waits
 * the returned time, so waiting callers are served in reservation order.
 */
final class TokenBucket {

    private final double permitsPerSecond;
    private final double burst;
    private final InstantSource clock;
    private double tokens;
    private Instant lastRefill;

    /** A rate of 0 or less disables limiting. */
    TokenBucket(double permitsPerSecond, int burst, InstantSource clock) {
        if (permitsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("rate limit burst must be at least 1, got " + burst);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastRefill = clock.instant();
    }

    /**
     * Takes one token. Returns how long to wait before using it (zero when one was available), or
     * empty, taking nothing, when the wait would be longer than {@code maxWait}.
     */
    synchronized Optional<Duration> reserve(Duration maxWait) {
        if (permitsPerSecond <= 0) {
            return Optional.of(Duration.ZERO);
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.of(Duration.ZERO);
        }
        double secondsToWait = (1 - tokens) / permitsPerSecond;
        Duration wait = Duration.ofNanos((long) Math.ceil(secondsToWait * 1e9));
        if (wait.compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        tokens -= 1;
        return Optional.of(wait);
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(lastRefill)) {
            double seconds = Duration.between(lastRefill, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * permitsPerSecond);
            lastRefill = now;
        }
    }
}
