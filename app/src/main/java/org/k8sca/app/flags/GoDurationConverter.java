package org.k8sca.app.flags;

import org.k8sca.core.duration.GoDuration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * Lets picocli read duration flags in Go's syntax ({@code 10s}, {@code 1h30m}), with Go's error
 * text.
 */
public final class GoDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
