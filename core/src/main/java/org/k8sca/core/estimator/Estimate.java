package org.k8sca.core.estimator;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer of the estimator for one node group.
 *
 * @param nodeGroupId the group
 * @param newNodes the simulated new nodes that received at least one pending pod, in order; their
 *     number is the estimate
 * @param placements every pending pod placed, with its node
 * @param unplaced pods the estimator could not place
 * @param stopReason why it stopped before placing every pod (a limit, the time budget, or a pod
 *     that does not fit even an empty new node); empty when every pod was placed
 */
public record Estimate(
        String nodeGroupId,
        List<Node> newNodes,
        List<PodPlacement> placements,
        List<Pod> unplaced,
        String stopReason) {

    public Estimate {
        Objects.requireNonNull(nodeGroupId, "nodeGroupId");
        newNodes = List.copyOf(newNodes);
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
        stopReason = stopReason == null ? "" : stopReason;
    }

    public int nodeCount() {
        return newNodes.size();
    }

    /** The pods that new nodes would take. */
    public List<Pod> helpedPods() {
        List<Pod> out = new ArrayList<>(placements.size());
        for (PodPlacement p : placements) {
            out.add(p.pod());
        }
        return out;
    }
}
