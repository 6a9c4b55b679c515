package org.k8sca.app.loop;

import java.time.Duration;

/**
 * Where the loop thread waits between loops, and how others wake it: the Kubernetes view when a new
 * pod becomes unschedulable, the shutdown hook when the process stops.
 */
public interface WakeSignal {

    /**
     * Waits until {@link #wake()} is called or {@code max} has passed; a wake that came before the
     * call ends the wait at once.
     *
     * @return whether it was woken (rather than timed out)
     */
    boolean await(Duration max) throws InterruptedException;

    /** Ends the current or next wait. */
    void wake();

    /** A signal on the real clock. */
    static WakeSignal monotonic() {
        return new MonotonicWakeSignal();
    }
}
