package org.k8sca.app.logging;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --logging-format}: klog's text lines or klog's JSON objects. */
public enum LogFormat {
    TEXT,
    JSON;

    /** Accepts exactly {@code text} or {@code json}, as upstream does. */
    public static LogFormat parse(String value) {
        return switch (value) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default ->
                    throw new IllegalArgumentException(
                            "expected text or json, got '" + value + "'");
        };
    }

    /** The flag spelling. */
    public String flagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Lets picocli use {@link #parse}. */
    public static final class Converter implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
