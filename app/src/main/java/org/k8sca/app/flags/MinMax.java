package org.k8sca.app.flags;

/**
 * A {@code <min>:<max>} pair of non-negative integers, as {@code --cores-total} and {@code
 * --memory-total} take it.
 */
public record MinMax(long min, long max) {
    public MinMax {
        if (min < 0) {
            throw new IllegalArgumentException("min size must be greater or equal to 0");
        }
        if (max < min) {
            throw new IllegalArgumentException("max size must be greater or equal to min size");
        }
    }

    /**
     * Parses {@code <min>:<max>}.
     *
     * @throws IllegalArgumentException naming what is wrong, with upstream's wording
     */
    public static MinMax parse(String value) {
        String[] parts = value.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "wrong nodes configuration: " + value + " (expected <min>:<max>)");
        }
        long min = parseLong(parts[0], "min");
        long max = parseLong(parts[1], "max");
        return new MinMax(min, max);
    }

    private static long parseLong(String text, String which) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "failed to set " + which + " size: " + text + ", expected integer");
        }
    }

    @Override
    public String toString() {
        return min + ":" + max;
    }
}
