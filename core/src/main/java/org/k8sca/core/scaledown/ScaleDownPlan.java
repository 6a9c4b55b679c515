package org.k8sca.core.scaledown;

import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;

import java.util.List;
import java.util.Optional;

/**
 * What one scale-down pass decided.
 *
 * @param explanations one per node of the snapshot, by node name
 * @param deleteEmpty empty nodes to delete now
 * @param drain nodes to drain and delete now, risky ones last
 * @param softTaints soft taints to add and remove
 * @param cooldown why deletions wait this loop, or empty
 * @param simulationTimedOut whether the simulation ran out of time (some nodes not evaluated)
 */
public record ScaleDownPlan(
        List<NodeExplanation> explanations,
        List<NodeRemoval> deleteEmpty,
        List<NodeRemoval> drain,
        SoftTaintPlan softTaints,
        Optional<String> cooldown,
        boolean simulationTimedOut) {

    public ScaleDownPlan {
        explanations = explanations.stream().sorted(NodeExplanation.BY_NODE).toList();
        deleteEmpty = List.copyOf(deleteEmpty);
        drain = List.copyOf(drain);
    }

    /** The explanation for {@code node}, if it is in the snapshot. */
    public Optional<NodeExplanation> explanation(String node) {
        return explanations.stream().filter(e -> e.nodeName().equals(node)).findFirst();
    }

    /** Names of the nodes unneeded this loop. */
    public List<String> unneededNodes() {
        return explanations.stream()
                .filter(NodeExplanation::isUnneeded)
                .map(NodeExplanation::nodeName)
                .toList();
    }
}
