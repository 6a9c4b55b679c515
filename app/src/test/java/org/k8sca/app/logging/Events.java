package org.k8sca.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import java.time.Instant;

/** Hand-built logging events with a fixed time and caller, for layout tests. */
final class Events {
    static final LoggerContext CONTEXT = new LoggerContext();

    private Events() {}

    static LoggingEvent event(Level level, Instant time, String message, Object... arguments) {
        return event(level, time, null, message, arguments);
    }

    static LoggingEvent event(
            Level level, Instant time, Throwable error, String message, Object... arguments) {
        LoggingEvent event =
                new LoggingEvent(
                        "test",
                        CONTEXT.getLogger("org.k8sca.test"),
                        level,
                        message,
                        error,
                        arguments);
        event.setInstant(time);
        event.setCallerData(
                new StackTraceElement[] {
                    new StackTraceElement("org.k8sca.core.ScaleUp", "plan", "ScaleUp.java", 42)
                });
        return event;
    }
}
