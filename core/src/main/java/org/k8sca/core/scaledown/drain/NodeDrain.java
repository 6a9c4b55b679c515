package org.k8sca.core.scaledown.drain;

import org.k8sca.core.model.Pod;

import java.util.List;

/**
 * The drain rules' answer for a whole node.
 *
 * @param podsToMove pods that are evicted and must fit elsewhere, highest priority first
 * @param daemonSetPods DaemonSet pods on the node (evicted or not by the DaemonSet settings)
 * @param onCompletionPods {@code safe-to-evict: "on-completion"} pods still running
 * @param blockingPod the first pod that keeps the node, or null
 * @param blockReason why it keeps the node, or null
 */
public record NodeDrain(
        List<Pod> podsToMove,
        List<Pod> daemonSetPods,
        List<Pod> onCompletionPods,
        Pod blockingPod,
        BlockReason blockReason) {

    public NodeDrain {
        podsToMove = List.copyOf(podsToMove);
        daemonSetPods = List.copyOf(daemonSetPods);
        onCompletionPods = List.copyOf(onCompletionPods);
        if ((blockingPod == null) != (blockReason == null)) {
            throw new IllegalArgumentException("a blocking pod goes with a block reason");
        }
    }

    public boolean blocked() {
        return blockingPod != null;
    }

    /** Nothing to reschedule: the node can go without moving a pod. */
    public boolean empty() {
        return !blocked() && podsToMove.isEmpty();
    }
}
