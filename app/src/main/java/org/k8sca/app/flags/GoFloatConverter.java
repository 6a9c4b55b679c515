package org.k8sca.app.flags;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * Float flag values as Go's {@code strconv.ParseFloat} reads them. Java's {@code
 * Double.parseDouble} is close, but also takes surrounding blanks and a {@code d}/{@code f} suffix,
 * which Go refuses, and spells infinity and NaN only one way, where Go ignores case.
 */
public final class GoFloatConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        // A hex float ends in its decimal exponent, so a trailing d or f is always Java's suffix.
        boolean javaOnly =
                value.isEmpty()
                        || !value.equals(value.strip())
                        || "dDfF".indexOf(value.charAt(value.length() - 1)) >= 0;
        if (!javaOnly) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TypeConversionException(
                "strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
    }
}
