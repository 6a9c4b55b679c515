package org.k8sca.core.scaleup;

/** The overall outcome of one planning pass. */
public enum ScaleUpStatus {
    /** No pending pod needs a new node. */
    NOT_NEEDED,
    /** Pending pods are too fresh; wait one loop for more pods to plan them together. */
    WAITING_FOR_MORE_PODS,
    /** {@code --max-nodes-total} is already reached; nothing can be added. */
    MAX_NODES_TOTAL_REACHED,
    /** Pods need nodes but no node group can take any of them. */
    NO_OPTIONS,
    /**
     * An option was chosen but limits (nodes total, cores, memory, group max) left nothing to add.
     */
    LIMITED_TO_ZERO,
    /** At least one group will grow. */
    SCALE_UP
}
