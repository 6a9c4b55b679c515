package org.k8sca.core.model;

/**
 * A Kubernetes IntOrString used for PDB limits: either a count ({@code 2}) or a percentage ({@code
 * "50%"}).
 */
public record IntOrPercent(int value, boolean percent) {

    public IntOrPercent {
        if (value < 0) {
            throw new IllegalArgumentException("PDB value must not be negative, got " + value);
        }
    }

    /**
     * Parses {@code "3"} or {@code "25%"}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static IntOrPercent parse(String text) {
        try {
            if (text.endsWith("%")) {
                return new IntOrPercent(
                        Integer.parseInt(text.substring(0, text.length() - 1)), true);
            }
            return new IntOrPercent(Integer.parseInt(text), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is neither an integer nor a percentage like \"50%\"");
        }
    }

    /**
     * The absolute number for {@code total} pods; percentages round up, as the disruption
     * controller does for minAvailable and maxUnavailable.
     */
    public int resolve(int total) {
        if (!percent) {
            return value;
        }
        return (int) Math.ceil(value * (double) total / 100.0);
    }

    @Override
    public String toString() {
        return percent ? value + "%" : Integer.toString(value);
    }
}
