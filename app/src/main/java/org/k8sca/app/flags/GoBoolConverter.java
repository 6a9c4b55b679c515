package org.k8sca.app.flags;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Boolean flag values as Go's {@code strconv.ParseBool} reads them ({@code 1 t T TRUE true True}
 * and {@code 0 f F FALSE false False}), so {@code --leader-elect=1} works as it does upstream.
 */
public final class GoBoolConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default ->
                    throw new TypeConversionException(
                            "strconv.ParseBool: parsing \""
                                    + value
                                    + "\": invalid syntax (expected true or false)");
        };
    }
}
