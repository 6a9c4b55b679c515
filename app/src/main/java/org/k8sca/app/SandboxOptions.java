package org.k8sca.app;

import org.k8sca.app.http.ListenAddress;

import java.time.Duration;
import java.util.Objects;

/**
 * The options of the {@code sandbox} subcommand, parsed and checked by {@link SandboxCommand}.
 *
 * @param duration how much virtual time the demo runs before it ends by itself
 * @param speed how many times faster than real time the virtual clock runs; 0 means as fast as the
 *     machine can (no waiting)
 * @param address where the status page is served (port 0: any free port)
 * @param seed the seed of everything random in the demo (server names, the workload's curve)
 * @param verbosity 0 for decisions only; 1 or more also shows the autoscaler's own log lines at
 *     that klog verbosity
 */
public record SandboxOptions(
        Duration duration, double speed, ListenAddress address, long seed, int verbosity) {

    /** The virtual clock runs without waiting. */
    public static final double AS_FAST_AS_POSSIBLE = 0;

    public SandboxOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(address, "address");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(
                    "--speed must be a positive number or 'max', got " + speed);
        }
        if (verbosity < 0) {
            throw new IllegalArgumentException("-v must be 0 or more, got " + verbosity);
        }
    }

    /** Whether the virtual clock runs without waiting for real time. */
    public boolean asFastAsPossible() {
        return speed == AS_FAST_AS_POSSIBLE;
    }
}
