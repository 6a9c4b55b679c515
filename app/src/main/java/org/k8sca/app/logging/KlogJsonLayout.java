package org.k8sca.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import org.slf4j.event.KeyValuePair;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * klog's JSON format ({@code --logging-format=json}), one object per line: {@code
 * {"ts":1732488000123.456,"caller":"File.java:42","msg":"...","v":0,"key":"value"}}. {@code ts} is
 * milliseconds since the epoch with a fraction, as Kubernetes components print it. Errors carry
 * {@code "err"} (the exception, if any) instead of {@code "v"}, as klog's ErrorS does.
 */
public class KlogJsonLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"ts\":")
                .append(epochMillis(event.getInstant()))
                .append(",\"caller\":")
                .append(JsonText.quote(KlogHeader.caller(event)))
                .append(",\"msg\":")
                .append(JsonText.quote(event.getFormattedMessage()));
        boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR);
        IThrowableProxy throwable = event.getThrowableProxy();
        if (error) {
            if (throwable != null) {
                json.append(",\"err\":")
                        .append(
                                JsonText.quote(
                                        throwable.getClassName()
                                                + (throwable.getMessage() == null
                                                        ? ""
                                                        : ": " + throwable.getMessage())));
            }
        } else {
            json.append(",\"v\":").append(KlogHeader.verbosity(event));
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (!KlogHeader.isVerbosityPair(pair)) {
                    json.append(',')
                            .append(JsonText.quote(pair.key))
                            .append(':')
                            .append(jsonValue(pair.value));
                }
            }
        }
        if (throwable != null) {
            // Not part of klog's shape, but a Java stack trace is what makes a bug report useful.
            json.append(",\"stacktrace\":")
                    .append(JsonText.quote(ThrowableProxyUtil.asString(throwable)));
        }
        return json.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static String epochMillis(Instant instant) {
        BigDecimal nanos =
                BigDecimal.valueOf(instant.getEpochSecond())
                        .movePointRight(9)
                        .add(BigDecimal.valueOf(instant.getNano()));
        BigDecimal millis = nanos.movePointLeft(6).stripTrailingZeros();
        return millis.scale() < 0 ? millis.setScale(0).toPlainString() : millis.toPlainString();
    }

    private static String jsonValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double d && Double.isFinite(d)
                || value instanceof Float f && Float.isFinite(f)) {
            return value.toString();
        }
        return JsonText.quote(String.valueOf(value));
    }
}
