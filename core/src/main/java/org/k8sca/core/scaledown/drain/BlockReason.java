package org.k8sca.core.scaledown.drain;

/** Why a pod keeps its node, named as the upstream Cluster Autoscaler names it. */
public enum BlockReason {
    /** The pod's controller (ReplicaSet, Job, ...) does not exist, so nothing would recreate it. */
    CONTROLLER_NOT_FOUND("ControllerNotFound"),
    /**
     * The pod's ReplicaSet or ReplicationController has fewer replicas than {@code
     * --min-replica-count}.
     */
    MIN_REPLICAS_REACHED("MinReplicasReached"),
    /** No controller (or one the autoscaler does not trust) would recreate the pod. */
    NOT_REPLICATED("NotReplicated"),
    /** A kube-system pod without a PodDisruptionBudget. */
    UNMOVABLE_KUBE_SYSTEM_POD("UnmovableKubeSystemPod"),
    /** Annotated {@code cluster-autoscaler.kubernetes.io/safe-to-evict: "false"}. */
    NOT_SAFE_TO_EVICT_ANNOTATION("NotSafeToEvictAnnotation"),
    /** Uses hostPath or disk-backed emptyDir not listed as safe to lose. */
    LOCAL_STORAGE_REQUESTED("LocalStorageRequested"),
    /** A PodDisruptionBudget covering the pod allows no more disruptions. */
    NOT_ENOUGH_PDB("NotEnoughPdb");

    private final String upstreamName;

    BlockReason(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    public String upstreamName() {
        return upstreamName;
    }
}
