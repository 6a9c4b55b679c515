package org.k8sca.kube.ops;

import org.k8sca.core.model.Taint;

/** Adds and removes taints on Node objects, retrying optimistic-concurrency conflicts. */
public interface NodeTainter {

    /**
     * Adds {@code taint} unless the node already has a taint with its key.
     *
     * @param cordon also set {@code spec.unschedulable=true}
     */
    TaintChange addTaint(String nodeName, Taint taint, boolean cordon);

    /**
     * Removes every taint with {@code taintKey}.
     *
     * @param uncordon also set {@code spec.unschedulable=false}
     */
    TaintChange removeTaint(String nodeName, String taintKey, boolean uncordon);
}
