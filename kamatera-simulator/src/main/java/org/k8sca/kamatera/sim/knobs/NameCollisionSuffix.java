package org.k8sca.kamatera.sim.knobs;

/**
 * What create does when the requested name is already taken (behaviour B6). The real backend has
 * been seen to create {@code name(1)} and {@code name (1)}; {@code -1} is a third-party report.
 */
public enum NameCollisionSuffix {
    /** Create a second server with the same name (default). */
    OFF(null),
    /** {@code name(1)}, {@code name(2)}, … */
    PAREN("(%d)"),
    /** {@code name (1)}, … */
    SPACE_PAREN(" (%d)"),
    /** {@code name-1}, … */
    DASH("-%d");

    private final String format;

    NameCollisionSuffix(String format) {
        this.format = format;
    }

    /** The n-th alternative name (n ≥ 1); for OFF the name itself. */
    public String apply(String name, int n) {
        return format == null ? name : name + String.format(format, n);
    }
}
