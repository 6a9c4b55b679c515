package org.k8sca.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import org.slf4j.event.KeyValuePair;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * klog's text format, so log tooling written for the upstream autoscaler reads ours: {@code Lmmdd
 * hh:mm:ss.uuuuuu threadid file:line] msg}, where L is I, W, E or F, the time has microseconds, and
 * threadid is the process id padded to 7 characters (what klog prints in Go). Structured key/values
 * follow the message as {@code key="value"}; a stack trace follows on the next lines.
 */
public class KlogTextLayout extends LayoutBase<ILoggingEvent> {
    private ZoneId zone = ZoneId.systemDefault();
    private long pid = ProcessHandle.current().pid();

    /**
     * The zone of the timestamps; klog uses local time. For tests and for logback.xml ({@code
     * <zone>UTC</zone>}).
     */
    public void setZone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
    }

    /** For tests: the number printed as threadid. */
    public void setPid(long pid) {
        this.pid = pid;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        ZonedDateTime time = KlogHeader.time(event, zone);
        StringBuilder line = new StringBuilder(128);
        line.append(KlogHeader.severity(event))
                .append(
                        String.format(
                                "%02d%02d %02d:%02d:%02d.%06d %7d ",
                                time.getMonthValue(),
                                time.getDayOfMonth(),
                                time.getHour(),
                                time.getMinute(),
                                time.getSecond(),
                                time.getNano() / 1000,
                                pid))
                .append(KlogHeader.caller(event))
                .append("] ")
                .append(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (!KlogHeader.isVerbosityPair(pair)) {
                    line.append(' ').append(pair.key).append('=').append(textValue(pair.value));
                }
            }
        }
        line.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.append(ThrowableProxyUtil.asString(throwable))
                    .append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    /** klog quotes strings (Go's %q) and prints numbers and booleans bare. */
    private static String textValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return JsonText.quote(String.valueOf(value));
    }
}
