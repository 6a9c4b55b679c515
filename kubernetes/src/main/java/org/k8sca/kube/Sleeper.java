package org.k8sca.kube;

import java.time.Duration;

/** Waits; injected so tests of conflict retries run instantly. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the real clock; honours interruption. */
    Sleeper SYSTEM =
            duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
