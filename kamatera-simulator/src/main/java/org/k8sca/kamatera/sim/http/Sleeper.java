package org.k8sca.kamatera.sim.http;

import java.time.Duration;

/** Waits in real time; injected so tests of latency can observe the wait without sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
