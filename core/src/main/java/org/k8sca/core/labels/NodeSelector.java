package org.k8sca.core.labels;

import java.util.List;

/**
 * A required node selector (node affinity's {@code requiredDuringSchedulingIgnoredDuringExecution},
 * or a PersistentVolume's node affinity): the terms are ORed. An empty term list matches no node.
 */
public record NodeSelector(List<NodeSelectorTerm> terms) {

    public NodeSelector {
        terms = List.copyOf(terms);
    }

    public static NodeSelector of(NodeSelectorTerm... terms) {
        return new NodeSelector(List.of(terms));
    }

    public boolean matches(Labels nodeLabels, String nodeName) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).matches(nodeLabels, nodeName)) {
                return true;
            }
        }
        return false;
    }
}
