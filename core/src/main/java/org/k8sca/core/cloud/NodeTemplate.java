package org.k8sca.core.cloud;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;

import java.util.List;
import java.util.Objects;

/**
 * What a new node of a group looks like: the node and the pods that would start on it by themselves
 * (DaemonSet and static pods), each bound to the node.
 */
public record NodeTemplate(Node node, List<Pod> pods) {

    public NodeTemplate {
        Objects.requireNonNull(node, "template node");
        pods = pods == null ? List.of() : List.copyOf(pods);
        for (Pod p : pods) {
            if (!p.nodeName().equals(node.name())) {
                throw new IllegalArgumentException(
                        "template pod "
                                + p.key()
                                + " is bound to \""
                                + p.nodeName()
                                + "\", not to template node "
                                + node.name());
            }
        }
    }
}
