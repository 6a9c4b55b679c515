package org.k8sca.core.scaledown.simulation;

import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.drain.NodeDrain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node the simulation found removable.
 *
 * @param nodeName the node
 * @param drain its pods: those to move, DaemonSet pods, on-completion pods
 * @param destinations where each moved pod went in the simulation, by {@code namespace/name}
 * @param risky whether a PodDisruptionBudget cannot let all its moved pods go at once, so the drain
 *     will have to wait for replacements (such nodes are drained last)
 */
public record NodeRemoval(
        String nodeName, NodeDrain drain, Map<String, String> destinations, boolean risky) {

    public NodeRemoval {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(drain, "drain");
        destinations = Map.copyOf(destinations);
    }

    /** No pod has to move. */
    public boolean empty() {
        return drain.podsToMove().isEmpty();
    }

    public List<Pod> podsToMove() {
        return drain.podsToMove();
    }
}
