package org.k8sca.core.scheduling;

/**
 * The answer to "where does this pod fit": the chosen node, or why it fits nowhere.
 *
 * @param nodeName the first node (in search order) where the pod fits, or {@code null}
 * @param failure why it fits no node, or {@code null} when it was placed
 */
public record Placement(String nodeName, SchedulingFailure failure) {

    public Placement {
        if ((nodeName == null) == (failure == null)) {
            throw new IllegalArgumentException("a placement has either a node or a failure");
        }
    }

    public boolean found() {
        return nodeName != null;
    }
}
