package org.k8sca.core.scaledown.explain;

/** Why a node is kept, named as the upstream Cluster Autoscaler names it. */
public enum UnremovableReason {
    /** Carries a recent {@code ToBeDeletedByClusterAutoscaler} taint: a deletion is under way. */
    CURRENTLY_BEING_DELETED("CurrentlyBeingDeleted"),
    /** Annotated {@code cluster-autoscaler.kubernetes.io/scale-down-disabled: "true"}. */
    SCALE_DOWN_DISABLED_ANNOTATION("ScaleDownDisabledAnnotation"),
    /** Belongs to no node group the autoscaler manages. */
    NOT_AUTOSCALED("NotAutoscaled"),
    /** Unready, and {@code --scale-down-unready-enabled=false}. */
    SCALE_DOWN_UNREADY_DISABLED("ScaleDownUnreadyDisabled"),
    /** Found unremovable a short while ago; checked again after the recheck timeout. */
    RECENTLY_UNREMOVABLE("RecentlyUnremovable"),
    /** Requests are above the utilization threshold. */
    NOT_UNDERUTILIZED("NotUnderutilized"),
    /** A pod cannot be moved (see the block reason). */
    BLOCKED_BY_POD("BlockedByPod"),
    /** Some pod fits on no other node. */
    NO_PLACE_TO_MOVE_PODS("NoPlaceToMovePods"),
    /** Unneeded, but not yet for {@code --scale-down-unneeded-time}. */
    NOT_UNNEEDED_LONG_ENOUGH("NotUnneededLongEnough"),
    /** Unready and unneeded, but not yet for {@code --scale-down-unready-time}. */
    NOT_UNREADY_LONG_ENOUGH("NotUnreadyLongEnough"),
    /** Removing it would take its group below the minimum size. */
    NODE_GROUP_MIN_SIZE_REACHED("NodeGroupMinSizeReached"),
    /** Removing it would take the cluster below {@code --cores-total} or {@code --memory-total}. */
    MINIMAL_RESOURCE_LIMIT_EXCEEDED("MinimalResourceLimitExceeded"),
    /** Runs a {@code safe-to-evict: "on-completion"} pod that has not finished. */
    BLOCKED_BY_ON_COMPLETION_POD("BlockedByOnCompletionPod"),
    /**
     * In a zero-or-max (atomic) group whose other nodes cannot all go now; the group goes whole or
     * not at all.
     */
    ATOMIC_GROUP_NOT_FULLY_REMOVABLE("AtomicGroupNotFullyRemovable"),
    /** Not simulated this loop: the time budget or the unneeded-node limit was reached first. */
    NOT_EVALUATED("NotEvaluated");

    private final String upstreamName;

    UnremovableReason(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    /** The name the upstream autoscaler uses in its status and logs. */
    public String upstreamName() {
        return upstreamName;
    }
}
