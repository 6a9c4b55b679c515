package org.k8sca.kamatera.sim.http;

/** Holds hanging requests until the next release (or close), whichever comes first. */
public final class HangGate {
    private long generation;
    private boolean closed;
    private int waiting;

    /** Blocks the calling request thread until {@link #releaseAll()} or {@link #close()}. */
    synchronized void await() throws InterruptedException {
        long mine = generation;
        waiting++;
        try {
            while (generation == mine && !closed) {
                wait();
            }
        } finally {
            waiting--;
        }
    }

    /** Lets every currently hanging request continue. */
    public synchronized void releaseAll() {
        generation++;
        notifyAll();
    }

    /** How many requests are hanging right now. */
    public synchronized int waiting() {
        return waiting;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
