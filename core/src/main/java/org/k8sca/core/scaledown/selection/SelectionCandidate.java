package org.k8sca.core.scaledown.selection;

import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.time.Duration;
import java.util.Objects;

/**
 * An unneeded node offered to the selection.
 *
 * @param node the node
 * @param removal what the simulation found for it
 * @param group its node group
 * @param unneededFor how long it has been unneeded
 */
public record SelectionCandidate(
        Node node, NodeRemoval removal, NodeGroupView group, Duration unneededFor) {

    public SelectionCandidate {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(removal, "removal of " + node.name());
        Objects.requireNonNull(group, "group of " + node.name());
        Objects.requireNonNull(unneededFor, "unneededFor of " + node.name());
    }
}
