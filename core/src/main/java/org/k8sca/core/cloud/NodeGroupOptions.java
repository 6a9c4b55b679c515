package org.k8sca.core.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings that a node group may override. The command line supplies the defaults; {@link
 * NodeGroup#options} returns them with the group's overrides applied.
 *
 * @param scaleDownUtilizationThreshold a node below this utilization may be removed (0..1)
 * @param scaleDownGpuUtilizationThreshold the same for GPU nodes
 * @param scaleDownUnneededTime how long a node must be unneeded before removal
 * @param scaleDownUnreadyTime how long an unready node must be unneeded before removal
 * @param maxNodeProvisionTime how long a requested machine may take to register
 * @param maxNodeStartupTime how long a registered node may take to become ready
 * @param zeroOrMaxNodeScaling the group scales only between zero and max at once
 * @param allowNonAtomicScaleUpToMax allow a partial scale-up of a zero-or-max group up to max
 * @param ignoreDaemonSetsUtilization leave DaemonSet pods out of utilization
 */
public record NodeGroupOptions(
        double scaleDownUtilizationThreshold,
        double scaleDownGpuUtilizationThreshold,
        Duration scaleDownUnneededTime,
        Duration scaleDownUnreadyTime,
        Duration maxNodeProvisionTime,
        Duration maxNodeStartupTime,
        boolean zeroOrMaxNodeScaling,
        boolean allowNonAtomicScaleUpToMax,
        boolean ignoreDaemonSetsUtilization) {

    /** The upstream Cluster Autoscaler's command-line defaults. */
    public static final NodeGroupOptions UPSTREAM_DEFAULTS =
            new NodeGroupOptions(
                    0.5,
                    0.5,
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(20),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15),
                    false,
                    false,
                    false);

    public NodeGroupOptions {
        checkFraction("scale-down utilization threshold", scaleDownUtilizationThreshold);
        checkFraction("scale-down GPU utilization threshold", scaleDownGpuUtilizationThreshold);
        Objects.requireNonNull(scaleDownUnneededTime, "scaleDownUnneededTime");
        Objects.requireNonNull(scaleDownUnreadyTime, "scaleDownUnreadyTime");
        Objects.requireNonNull(maxNodeProvisionTime, "maxNodeProvisionTime");
        Objects.requireNonNull(maxNodeStartupTime, "maxNodeStartupTime");
    }

    private static void checkFraction(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
        }
    }

    public NodeGroupOptions withMaxNodeProvisionTime(Duration d) {
        return new NodeGroupOptions(
                scaleDownUtilizationThreshold,
                scaleDownGpuUtilizationThreshold,
                scaleDownUnneededTime,
                scaleDownUnreadyTime,
                d,
                maxNodeStartupTime,
                zeroOrMaxNodeScaling,
                allowNonAtomicScaleUpToMax,
                ignoreDaemonSetsUtilization);
    }
}
