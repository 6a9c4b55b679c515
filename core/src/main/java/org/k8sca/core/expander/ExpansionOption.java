package org.k8sca.core.expander;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;

import java.util.List;
import java.util.Objects;

/**
 * One way to scale up: add {@code nodeCount} nodes shaped like {@code templateNode} to group {@code
 * nodeGroupId}, which would let {@code pods} run.
 */
public record ExpansionOption(
        String nodeGroupId, Node templateNode, int nodeCount, List<Pod> pods) {

    public ExpansionOption {
        Objects.requireNonNull(nodeGroupId, "nodeGroupId");
        Objects.requireNonNull(templateNode, "template node of option " + nodeGroupId);
        if (nodeCount <= 0) {
            throw new IllegalArgumentException(
                    "option " + nodeGroupId + " must add at least one node, got " + nodeCount);
        }
        pods = List.copyOf(pods);
    }

    @Override
    public String toString() {
        return nodeGroupId + " +" + nodeCount + " node(s) for " + pods.size() + " pod(s)";
    }
}
