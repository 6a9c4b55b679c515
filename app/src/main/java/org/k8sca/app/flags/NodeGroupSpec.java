package org.k8sca.app.flags;

/**
 * One {@code --nodes=<min>:<max>:<name>} value. The Kamatera provider takes its node groups from
 * the cloud config, so the autoscaler only parses (and reports) these; it does not use them.
 */
public record NodeGroupSpec(int minSize, int maxSize, String name) {
    public NodeGroupSpec {
        if (minSize < 0) {
            throw new IllegalArgumentException("min size must be >= 0");
        }
        if (maxSize < minSize) {
            throw new IllegalArgumentException("max size must be greater or equal to min size");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("node group name is empty");
        }
    }

    /** Parses {@code <min>:<max>:<name>}; the name may itself contain colons. */
    public static NodeGroupSpec parse(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "wrong nodes configuration: " + value + " (expected <min>:<max>:<name>)");
        }
        return new NodeGroupSpec(parseInt(parts[0], "min"), parseInt(parts[1], "max"), parts[2]);
    }

    private static int parseInt(String text, String which) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "failed to set " + which + " size: " + text + ", expected integer");
        }
    }

    @Override
    public String toString() {
        return minSize + ":" + maxSize + ":" + name;
    }
}
