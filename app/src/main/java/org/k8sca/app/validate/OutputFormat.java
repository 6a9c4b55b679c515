package org.k8sca.app.validate;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --output}, spelled in lower case on the command line. */
public enum OutputFormat {
    JSON,
    TEXT;

    /** Accepts exactly {@code json} or {@code text}. */
    public static OutputFormat parse(String value) {
        return switch (value) {
            case "json" -> JSON;
            case "text" -> TEXT;
            default ->
                    throw new TypeConversionException("expected json or text, got '" + value + "'");
        };
    }

    /** Lets picocli use {@link #parse}. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return parse(value);
        }
    }
}
