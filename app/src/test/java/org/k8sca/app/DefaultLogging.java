package org.k8sca.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;

import org.k8sca.app.logging.Klog;
import org.slf4j.LoggerFactory;

/**
 * For tests that run {@code run}, which points logging at the test's captured stream: undo that.
 */
public final class DefaultLogging {
    private DefaultLogging() {}

    /** Reloads logback.xml and sets the verbosity back to 0. */
    public static void restore() {
        Klog.setVerbosity(0);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (Exception e) {
            throw new IllegalStateException("cannot reload logback.xml", e);
        }
    }
}
