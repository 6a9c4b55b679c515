package org.k8sca.app.loop;

import java.time.Duration;

/** A {@link WakeSignal} waiting on {@link System#nanoTime()}, immune to wall-clock jumps. */
final class MonotonicWakeSignal implements WakeSignal {
    private boolean woken;

    @Override
    public synchronized boolean await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        woken = false;
        return true;
    }

    @Override
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }
}
