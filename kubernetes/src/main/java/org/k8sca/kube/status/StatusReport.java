package org.k8sca.kube.status;

import org.k8sca.core.clusterstate.ClusterStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the status document shows.
 *
 * @param time when it was written (the {@code time} field)
 * @param state Initializing until the first loop finished, then Running
 * @param message an optional message (empty: none)
 * @param cluster the cluster state; empty before the first loop, when only time and state are shown
 * @param scaleDown the cluster-wide scale-down condition; must be present when {@code cluster} is
 * @param groupScaleDown scale-down condition by group id; a group missing here has no candidates
 *     since {@link ClusterStatus#lastProbeTime()}
 */
public record StatusReport(
        Instant time,
        AutoscalerState state,
        String message,
        Optional<ClusterStatus> cluster,
        Optional<ScaleDownCondition> scaleDown,
        Map<String, ScaleDownCondition> groupScaleDown) {

    public StatusReport {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(scaleDown, "scaleDown");
        groupScaleDown = Map.copyOf(groupScaleDown);
        if (cluster.isPresent() && scaleDown.isEmpty()) {
            throw new IllegalArgumentException(
                    "a status report with a cluster state needs its scale-down condition");
        }
    }

    /** The report written before the first loop finished. */
    public static StatusReport initializing(Instant time) {
        return new StatusReport(
                time,
                AutoscalerState.INITIALIZING,
                "",
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    /** A report of a running autoscaler. */
    public static StatusReport running(
            Instant time,
            ClusterStatus cluster,
            ScaleDownCondition scaleDown,
            Map<String, ScaleDownCondition> groupScaleDown) {
        return new StatusReport(
                time,
                AutoscalerState.RUNNING,
                "",
                Optional.of(cluster),
                Optional.of(scaleDown),
                groupScaleDown);
    }
}
