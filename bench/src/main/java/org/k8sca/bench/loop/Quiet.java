package org.k8sca.bench.loop;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import org.slf4j.LoggerFactory;

/**
 * Turns the autoscaler's logging down to warnings for a benchmark: a loop that creates hundreds of
 * servers logs a line per server at INFO, and writing those would be measured with the loop.
 */
public final class Quiet {

    private Quiet() {}

    public static void logs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
        // The mock API server logs every request through java.util.logging.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }
}
