package org.k8sca.app.logging;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.CallerBoundaryAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * klog's verbosity model on top of SLF4J. {@code -v} sets one process-wide {@link #setVerbosity
 * verbosity}; {@code Klog.v(4).info(log, "...")} prints an {@code I} line only when the verbosity
 * is 4 or more, exactly like klog's {@code V(4).Info}. Ordinary {@code log.info/warn/error} calls
 * are verbosity 0 and always print.
 *
 * <pre>{@code
 * private static final Logger LOG = LoggerFactory.getLogger(ScaleUp.class);
 * Klog.v(4).info(LOG, "pod {} does not fit node group {}: {}", pod, group, reason);
 * Klog.v(2).infoS(LOG, "scale-up", "nodeGroup", group, "from", current, "to", target);
 * if (Klog.v(5).enabled()) { ...expensive detail... }
 * }</pre>
 */
public final class Klog {
    /** The key under which the verbosity of a V(n) line travels to the layouts. */
    public static final String VERBOSITY_KEY = "v";

    /** Marks an event as fatal: the text layout prints {@code F} instead of {@code E}. */
    public static final Marker FATAL = MarkerFactory.getMarker("FATAL");

    private static volatile int verbosity;

    private Klog() {}

    /** Sets the process-wide verbosity ({@code -v}). */
    public static void setVerbosity(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("verbosity must be 0 or more, got " + level);
        }
        verbosity = level;
    }

    /** The process-wide verbosity. */
    public static int verbosity() {
        return verbosity;
    }

    /**
     * A logger for messages of verbosity {@code level}: printing only when {@code -v} is at least
     * that.
     */
    public static Verbose v(int level) {
        return new Verbose(level, level <= verbosity);
    }

    /**
     * The result of {@link Klog#v}: logs at INFO with the verbosity attached, or does nothing.
     *
     * @param level the verbosity of the messages
     * @param enabled whether they print at the current verbosity
     */
    public record Verbose(int level, boolean enabled) {
        /** Logs an INFO message (SLF4J {@code {}} placeholders) if enabled. */
        public void info(Logger logger, String format, Object... arguments) {
            if (!enabled || !logger.isInfoEnabled()) {
                return;
            }
            LoggingEventBuilder event = logger.atInfo().addKeyValue(VERBOSITY_KEY, level);
            // The caller is whoever called this method, not this class: file:line in the header say
            // so.
            if (event instanceof CallerBoundaryAware boundary) {
                boundary.setCallerBoundary(Verbose.class.getName());
            }
            event.log(format, arguments);
        }

        /**
         * Logs a structured INFO message if enabled, as klog's {@code InfoS}: a constant message
         * and key/value pairs, which the text format prints as {@code key="value"} after the
         * message and the JSON format as fields. A key without a value gets klog's {@code
         * (MISSING)}.
         */
        public void infoS(Logger logger, String message, Object... keysAndValues) {
            if (!enabled || !logger.isInfoEnabled()) {
                return;
            }
            LoggingEventBuilder event = logger.atInfo().addKeyValue(VERBOSITY_KEY, level);
            for (int i = 0; i < keysAndValues.length; i += 2) {
                Object value = i + 1 < keysAndValues.length ? keysAndValues[i + 1] : "(MISSING)";
                event = event.addKeyValue(String.valueOf(keysAndValues[i]), value);
            }
            if (event instanceof CallerBoundaryAware boundary) {
                boundary.setCallerBoundary(Verbose.class.getName());
            }
            event.log(message);
        }
    }
}
