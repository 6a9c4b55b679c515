package org.k8sca.core.scaledown.actuation;

import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.util.Objects;

/**
 * One node to delete: the node, its group (whose {@code deleteNodes} removes the server) and what
 * the planner found for it.
 */
public record DeletionRequest(Node node, NodeGroup group, NodeRemoval removal) {

    public DeletionRequest {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(group, "group of " + node.name());
        Objects.requireNonNull(removal, "removal of " + node.name());
        if (!node.name().equals(removal.nodeName())) {
            throw new IllegalArgumentException(
                    "removal of " + removal.nodeName() + " given for node " + node.name());
        }
    }
}
