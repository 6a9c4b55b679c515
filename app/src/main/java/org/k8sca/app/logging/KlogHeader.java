package org.k8sca.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** What klog's two formats share: severity letter, caller, the verbosity of an event. */
final class KlogHeader {
    private KlogHeader() {}

    /** I, W, E or F. SLF4J's DEBUG and TRACE have no klog letter; they print as I. */
    static char severity(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return isFatal(event) ? 'F' : 'E';
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 'W';
        }
        return 'I';
    }

    private static boolean isFatal(ILoggingEvent event) {
        if (event.getMarkerList() == null) {
            return false;
        }
        for (Marker marker : event.getMarkerList()) {
            if (marker.contains(Klog.FATAL)) {
                return true;
            }
        }
        return false;
    }

    /** {@code File.java:42}, or klog's {@code ???:1} when the caller is unknown. */
    static String caller(ILoggingEvent event) {
        StackTraceElement[] callerData = event.getCallerData();
        if (callerData == null || callerData.length == 0 || callerData[0].getFileName() == null) {
            return "???:1";
        }
        return callerData[0].getFileName() + ":" + Math.max(callerData[0].getLineNumber(), 0);
    }

    /** The {@code n} of a {@code Klog.v(n)} line; 0 for ordinary log calls. */
    static int verbosity(ILoggingEvent event) {
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (Klog.VERBOSITY_KEY.equals(pair.key) && pair.value instanceof Integer level) {
                    return level;
                }
            }
        }
        return 0;
    }

    /**
     * True for the key/value pair that carries the verbosity, which both layouts print their own
     * way.
     */
    static boolean isVerbosityPair(KeyValuePair pair) {
        return Klog.VERBOSITY_KEY.equals(pair.key) && pair.value instanceof Integer;
    }

    static ZonedDateTime time(ILoggingEvent event, ZoneId zone) {
        Instant instant = event.getInstant();
        return instant.atZone(zone);
    }
}
