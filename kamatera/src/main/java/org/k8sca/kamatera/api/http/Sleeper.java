package org.k8sca.kamatera.api.http;

import java.time.Duration;

/** Waits; injected so tests of backoff and rate limiting run instantly on a fake clock. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the real clock; honours interruption. */
    Sleeper SYSTEM =
            duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /** Waits for {@code duration}; throws at once when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
