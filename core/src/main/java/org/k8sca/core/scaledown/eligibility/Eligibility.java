package org.k8sca.core.scaledown.eligibility;

import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cheap checks that decide whether a node is worth simulating, in the upstream order: being
 * deleted, the scale-down-disabled annotation, not autoscaled, unready with unready scale-down off,
 * recently found unremovable, and utilization above the threshold.
 */
public final class Eligibility {

    public static final String SCALE_DOWN_DISABLED =
            "cluster-autoscaler.kubernetes.io/scale-down-disabled";

    /** A ToBeDeleted taint older than this is considered left over from a failed deletion. */
    public static final Duration BEING_DELETED_TAINT_VALIDITY = Duration.ofMinutes(5);

    /**
     * The answer for one node.
     *
     * @param reason why it is not eligible, or empty when it is
     * @param utilization its utilization (null when the check stopped before computing it)
     * @param detail the numbers behind a NotUnderutilized answer
     */
    public record Result(
            Optional<UnremovableReason> reason, Utilization utilization, String detail) {
        public boolean eligible() {
            return reason.isEmpty();
        }
    }

    private Eligibility() {}

    /**
     * @param groupOptions the node's group options, or null when the node belongs to no group
     * @param scaleDownUnreadyEnabled {@code --scale-down-unready-enabled}
     * @param ignoreMirrorPods {@code --ignore-mirror-pods-utilization}
     * @param recentlyUnremovable whether the simulation found it unremovable within the recheck
     *     timeout
     * @param gpuNode whether the provider marks the node as a GPU node
     */
    public static Result check(
            NodeInfo info,
            NodeGroupOptions groupOptions,
            boolean scaleDownUnreadyEnabled,
            boolean ignoreMirrorPods,
            boolean recentlyUnremovable,
            boolean gpuNode,
            Instant now) {
        Node node = info.node();
        if (beingDeleted(node, now)) {
            return no(UnremovableReason.CURRENTLY_BEING_DELETED, "");
        }
        if ("true".equals(node.annotations().get(SCALE_DOWN_DISABLED))) {
            return no(UnremovableReason.SCALE_DOWN_DISABLED_ANNOTATION, "");
        }
        if (groupOptions == null) {
            return no(UnremovableReason.NOT_AUTOSCALED, "");
        }
        if (!node.ready() && !scaleDownUnreadyEnabled) {
            return no(UnremovableReason.SCALE_DOWN_UNREADY_DISABLED, "");
        }
        if (recentlyUnremovable) {
            return no(UnremovableReason.RECENTLY_UNREMOVABLE, "");
        }
        Utilization u =
                UtilizationCalculator.of(
                        info,
                        groupOptions.ignoreDaemonSetsUtilization(),
                        ignoreMirrorPods,
                        gpuNode,
                        now);
        double threshold =
                u.gpuNode()
                        ? groupOptions.scaleDownGpuUtilizationThreshold()
                        : groupOptions.scaleDownUtilizationThreshold();
        if (u.value() > threshold) {
            return new Result(
                    Optional.of(UnremovableReason.NOT_UNDERUTILIZED),
                    u,
                    u.describe() + " is above the threshold " + Math.round(threshold * 100) + "%");
        }
        return new Result(Optional.empty(), u, "");
    }

    /**
     * Whether the node carries a ToBeDeleted taint set less than 5 minutes ago (or with no readable
     * time).
     */
    public static boolean beingDeleted(Node node, Instant now) {
        if (!ScaleDownTaints.has(node, ScaleDownTaints.TO_BE_DELETED)) {
            return false;
        }
        return ScaleDownTaints.timestamp(node, ScaleDownTaints.TO_BE_DELETED)
                .map(t -> t.plus(BEING_DELETED_TAINT_VALIDITY).isAfter(now))
                .orElse(true);
    }

    private static Result no(UnremovableReason reason, String detail) {
        return new Result(Optional.of(reason), null, detail);
    }
}
