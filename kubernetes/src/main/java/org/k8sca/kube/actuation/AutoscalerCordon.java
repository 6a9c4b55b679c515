package org.k8sca.kube.actuation;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.core.model.Taint;
import org.k8sca.kube.ops.KubeNodeTainter;
import org.k8sca.kube.ops.KubeNodeUpdater;
import org.k8sca.kube.ops.NodeTainter;
import org.k8sca.kube.ops.TaintChange;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Adds and removes autoscaler taints together with the cordon, and remembers in the annotation
 * {@value #CORDONED_BY_AUTOSCALER} that the cordon was the autoscaler's. A node that a person
 * cordoned before stays cordoned when the autoscaler lets go of it; the annotation survives a
 * restart of the autoscaler, unlike memory.
 */
public final class AutoscalerCordon {

    /**
     * Present (value {@code "true"}) while the node is cordoned because the autoscaler cordoned it.
     */
    public static final String CORDONED_BY_AUTOSCALER =
            "autoscaler.k8sca.org/cordoned-by-autoscaler";

    private final KubernetesClient client;
    private final KubeNodeUpdater updater;
    private final NodeTainter tainter;

    /**
     * @param updater writes the cordon mark (and, for {@link KubeNodeMetadata}, the provider ID)
     */
    public AutoscalerCordon(KubernetesClient client, KubeNodeUpdater updater, NodeTainter tainter) {
        this.client = Objects.requireNonNull(client, "client");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.tainter = Objects.requireNonNull(tainter, "tainter");
    }

    /** Writes the mark with the tainter's own node writer (same retry timing and clock). */
    public AutoscalerCordon(KubernetesClient client, KubeNodeTainter tainter) {
        this(client, tainter.updater(), tainter);
    }

    /** The node writer, for the other node writes of this package. */
    KubeNodeUpdater updater() {
        return updater;
    }

    /**
     * Adds {@code taint}; with {@code cordon}, also cordons the node and, if it was not cordoned
     * before, marks the cordon as the autoscaler's.
     */
    public TaintChange taint(String nodeName, Taint taint, boolean cordon) {
        try {
            return tryTaint(nodeName, taint, cordon);
        } catch (KubernetesClientException e) {
            return new TaintChange(
                    TaintChange.Outcome.FAILED,
                    "add taint " + taint.key() + " on node " + nodeName + ": " + e.getMessage());
        }
    }

    private TaintChange tryTaint(String nodeName, Taint taint, boolean cordon) {
        boolean wasCordoned = false;
        if (cordon) {
            Node node = client.nodes().withName(nodeName).get();
            if (node == null) {
                return new TaintChange(
                        TaintChange.Outcome.NODE_NOT_FOUND, "node " + nodeName + " not found");
            }
            wasCordoned =
                    node.getSpec() != null
                            && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
            if (!wasCordoned) {
                // Marked first: if the autoscaler dies between the two writes, a leftover mark on
                // an
                // uncordoned node is harmless, while a cordon without the mark would stay forever.
                TaintChange marked = setMark(nodeName, true);
                if (!marked.succeeded()) {
                    return marked;
                }
            }
        }
        TaintChange change = tainter.addTaint(nodeName, taint, cordon);
        if (!change.succeeded() && cordon && !wasCordoned) {
            setMarkQuietly(nodeName, false);
        }
        return change;
    }

    /**
     * Removes the taints with these keys; with {@code uncordon}, also uncordons the node, but only
     * when the autoscaler's mark says it made the cordon.
     */
    public TaintChange untaint(String nodeName, boolean uncordon, String... taintKeys) {
        try {
            return tryUntaint(nodeName, uncordon, taintKeys);
        } catch (KubernetesClientException e) {
            return new TaintChange(
                    TaintChange.Outcome.FAILED,
                    "remove taints "
                            + String.join(", ", taintKeys)
                            + " from node "
                            + nodeName
                            + ": "
                            + e.getMessage());
        }
    }

    private TaintChange tryUntaint(String nodeName, boolean uncordon, String... taintKeys) {
        Node node = client.nodes().withName(nodeName).get();
        if (node == null) {
            return new TaintChange(
                    TaintChange.Outcome.NODE_NOT_FOUND, "node " + nodeName + " not found");
        }
        boolean ours = hasMark(node);
        TaintChange last = new TaintChange(TaintChange.Outcome.ALREADY_IN_PLACE, "");
        for (int i = 0; i < taintKeys.length; i++) {
            boolean lastKey = i == taintKeys.length - 1;
            TaintChange change =
                    tainter.removeTaint(nodeName, taintKeys[i], lastKey && uncordon && ours);
            if (!change.succeeded()) {
                return change;
            }
            if (change.outcome() == TaintChange.Outcome.APPLIED) {
                last = change;
            }
        }
        if (uncordon && ours) {
            TaintChange unmarked = setMark(nodeName, false);
            if (!unmarked.succeeded()) {
                return unmarked;
            }
        }
        return last;
    }

    static boolean hasMark(Node node) {
        Map<String, String> annotations =
                node.getMetadata() == null ? null : node.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(CORDONED_BY_AUTOSCALER));
    }

    private TaintChange setMark(String nodeName, boolean present) {
        return updater.update(
                nodeName,
                (present ? "add" : "remove") + " annotation " + CORDONED_BY_AUTOSCALER,
                node -> {
                    Map<String, String> annotations =
                            node.getMetadata().getAnnotations() == null
                                    ? new HashMap<>()
                                    : new HashMap<>(node.getMetadata().getAnnotations());
                    boolean changed =
                            present
                                    ? !"true"
                                            .equals(annotations.put(CORDONED_BY_AUTOSCALER, "true"))
                                    : annotations.remove(CORDONED_BY_AUTOSCALER) != null;
                    node.getMetadata().setAnnotations(annotations);
                    return changed;
                });
    }

    private void setMarkQuietly(String nodeName, boolean present) {
        // Best effort, the outcome ignored: a stale mark on an uncordoned node changes nothing.
        setMark(nodeName, present);
    }
}
