package org.k8sca.kube.actuation;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.k8sca.core.model.Taint;
import org.k8sca.kube.ops.NodeTainter;
import org.k8sca.kube.ops.TaintChange;

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
    private final NodeTainter tainter;

    public AutoscalerCordon(KubernetesClient client, NodeTainter tainter) {
        this.client = Objects.requireNonNull(client, "client");
        this.tainter = Objects.requireNonNull(tainter, "tainter");
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
                setMark(nodeName, true);
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
            setMark(nodeName, false);
        }
        return last;
    }

    static boolean hasMark(Node node) {
        Map<String, String> annotations =
                node.getMetadata() == null ? null : node.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(CORDONED_BY_AUTOSCALER));
    }

    private void setMark(String nodeName, boolean present) {
        client.nodes()
                .withName(nodeName)
                .edit(
                        n -> {
                            if (n.getMetadata().getAnnotations() == null) {
                                n.getMetadata().setAnnotations(new java.util.HashMap<>());
                            }
                            if (present) {
                                n.getMetadata()
                                        .getAnnotations()
                                        .put(CORDONED_BY_AUTOSCALER, "true");
                            } else {
                                n.getMetadata().getAnnotations().remove(CORDONED_BY_AUTOSCALER);
                            }
                            return n;
                        });
    }

    private void setMarkQuietly(String nodeName, boolean present) {
        try {
            setMark(nodeName, present);
        } catch (KubernetesClientException ignored) {
            // Best effort: a stale mark on an uncordoned node changes nothing.
        }
    }
}
