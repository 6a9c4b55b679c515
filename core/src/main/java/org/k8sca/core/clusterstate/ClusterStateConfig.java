package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.NodeGroupOptions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command-line settings the registry uses.
 *
 * @param okTotalUnreadyCount {@code --ok-total-unready-count}: this many unready nodes never make
 *     the cluster (or a group) unhealthy
 * @param maxTotalUnreadyPercentage {@code --max-total-unready-percentage} (0..100)
 * @param initialBackoff {@code --initial-node-group-backoff-duration}
 * @param maxBackoff {@code --max-node-group-backoff-duration}
 * @param backoffResetTimeout {@code --node-group-backoff-reset-timeout}: backoff history is
 *     forgotten this long after a group's last failure
 * @param startupTaints exact taint keys from {@code --startup-taint} and {@code --ignore-taint}
 * @param startupTaintPrefixes key prefixes from {@code --startup-taint-prefix}, added to the two
 *     standard prefixes
 * @param forceDeleteUnregisteredNodes {@code --force-delete-unregistered-nodes}: ignore min size
 *     when deleting long-unregistered instances
 * @param forceDeleteFailedNodes {@code --force-delete-failed-nodes}: ignore min size when deleting
 *     instances that failed to create
 * @param defaultOptions the per-group defaults; used for nodes that belong to no group
 */
public record ClusterStateConfig(
        int okTotalUnreadyCount,
        double maxTotalUnreadyPercentage,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration backoffResetTimeout,
        Set<String> startupTaints,
        List<String> startupTaintPrefixes,
        boolean forceDeleteUnregisteredNodes,
        boolean forceDeleteFailedNodes,
        NodeGroupOptions defaultOptions) {

    /** The upstream Cluster Autoscaler's defaults. */
    public static final ClusterStateConfig DEFAULTS =
            new ClusterStateConfig(
                    3,
                    45,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(3),
                    Set.of(),
                    List.of(),
                    false,
                    false,
                    NodeGroupOptions.UPSTREAM_DEFAULTS);

    public ClusterStateConfig {
        if (okTotalUnreadyCount < 0) {
            throw new IllegalArgumentException(
                    "--ok-total-unready-count must be >= 0, got " + okTotalUnreadyCount);
        }
        if (!(maxTotalUnreadyPercentage >= 0 && maxTotalUnreadyPercentage <= 100)) {
            throw new IllegalArgumentException(
                    "--max-total-unready-percentage must be between 0 and 100, got "
                            + maxTotalUnreadyPercentage);
        }
        checkPositive("--initial-node-group-backoff-duration", initialBackoff);
        checkPositive("--max-node-group-backoff-duration", maxBackoff);
        checkPositive("--node-group-backoff-reset-timeout", backoffResetTimeout);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "--max-node-group-backoff-duration ("
                            + maxBackoff
                            + ") is shorter than --initial-node-group-backoff-duration ("
                            + initialBackoff
                            + ")");
        }
        startupTaints = Set.copyOf(Objects.requireNonNull(startupTaints, "startupTaints"));
        startupTaintPrefixes =
                List.copyOf(Objects.requireNonNull(startupTaintPrefixes, "startupTaintPrefixes"));
        Objects.requireNonNull(defaultOptions, "defaultOptions");
    }

    private static void checkPositive(String flag, Duration d) {
        Objects.requireNonNull(d, flag);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(flag + " must be positive, got " + d);
        }
    }

    public ClusterStateConfig withUnreadyLimits(int okCount, double maxPercentage) {
        return new ClusterStateConfig(
                okCount,
                maxPercentage,
                initialBackoff,
                maxBackoff,
                backoffResetTimeout,
                startupTaints,
                startupTaintPrefixes,
                forceDeleteUnregisteredNodes,
                forceDeleteFailedNodes,
                defaultOptions);
    }

    public ClusterStateConfig withStartupTaints(Set<String> keys, List<String> prefixes) {
        return new ClusterStateConfig(
                okTotalUnreadyCount,
                maxTotalUnreadyPercentage,
                initialBackoff,
                maxBackoff,
                backoffResetTimeout,
                keys,
                prefixes,
                forceDeleteUnregisteredNodes,
                forceDeleteFailedNodes,
                defaultOptions);
    }

    public ClusterStateConfig withForceDelete(boolean unregistered, boolean failed) {
        return new ClusterStateConfig(
                okTotalUnreadyCount,
                maxTotalUnreadyPercentage,
                initialBackoff,
                maxBackoff,
                backoffResetTimeout,
                startupTaints,
                startupTaintPrefixes,
                unregistered,
                failed,
                defaultOptions);
    }
}
