package org.k8sca.kamatera.sim.knobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A closed range of durations; a value is drawn uniformly from it (to the millisecond). */
public record DurationRange(Duration min, Duration max) {

    public static final DurationRange ZERO = fixed(Duration.ZERO);

    public DurationRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    "invalid duration range " + min + ".." + max + ": need 0 <= min <= max");
        }
    }

    public static DurationRange fixed(Duration d) {
        return new DurationRange(d, d);
    }

    public static DurationRange ofSeconds(long min, long max) {
        return new DurationRange(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    /**
     * Draws a duration; a fixed range draws nothing from the generator, keeping seeded runs stable.
     */
    public Duration sample(RandomGenerator random) {
        long span = max.toMillis() - min.toMillis();
        if (span <= 0) {
            return min;
        }
        return min.plusMillis(random.nextLong(span + 1));
    }

    /**
     * Parses {@code 90s}, {@code 1500ms}, {@code 2m}, {@code 1h}, a bare number of seconds, or a
     * range {@code 90s..180s}.
     */
    public static DurationRange parse(String text) {
        String t = text.trim();
        int dots = t.indexOf("..");
        if (dots >= 0) {
            return new DurationRange(
                    parseDuration(t.substring(0, dots)), parseDuration(t.substring(dots + 2)));
        }
        return fixed(parseDuration(t));
    }

    /** Parses one duration: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h} or bare seconds. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(
                        Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "invalid duration '"
                            + text
                            + "': use e.g. 250ms, 30s, 2m, 1h or a range 90s..180s",
                    e);
        }
    }

    @Override
    public String toString() {
        return min.equals(max) ? format(min) : format(min) + ".." + format(max);
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
