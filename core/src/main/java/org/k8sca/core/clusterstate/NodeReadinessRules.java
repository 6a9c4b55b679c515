package org.k8sca.core.clusterstate;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a node counts as ready, and whether it is being deleted, from its Ready flag and taints.
 * A node that is Ready but still carries a startup taint (for example a CNI agent's "not ready"
 * taint) does not count as ready yet: counting it would let pending pods look unschedulable while
 * the node is about to take them, and the autoscaler would add a second node.
 */
public final class NodeReadinessRules {

    /** Taint keys with which the standard startup-taint convention starts. */
    public static final List<String> STANDARD_STARTUP_PREFIXES =
            List.of(
                    "startup-taint.cluster-autoscaler.kubernetes.io/",
                    "ignore-taint.cluster-autoscaler.kubernetes.io/");

    /** The taint the autoscaler puts on a node it is deleting. */
    public static final String TO_BE_DELETED_TAINT = "ToBeDeletedByClusterAutoscaler";

    /** Condition taints that make a node not ready even if its Ready condition is True. */
    private static final Set<String> NOT_READY_TAINTS =
            Set.of(
                    "node.kubernetes.io/not-ready",
                    "node.kubernetes.io/disk-pressure",
                    "node.kubernetes.io/network-unavailable");

    private final Set<String> startupTaints;
    private final List<String> startupPrefixes;

    public NodeReadinessRules(Set<String> startupTaints, List<String> extraStartupPrefixes) {
        this.startupTaints = Set.copyOf(startupTaints);
        this.startupPrefixes = new ArrayList<>(STANDARD_STARTUP_PREFIXES);
        this.startupPrefixes.addAll(extraStartupPrefixes);
    }

    public static NodeReadinessRules of(ClusterStateConfig config) {
        return new NodeReadinessRules(config.startupTaints(), config.startupTaintPrefixes());
    }

    /** Ready for the autoscaler: Ready, with no condition taint and no startup taint. */
    public boolean isReady(Node node) {
        if (!node.ready()) {
            return false;
        }
        for (Taint t : node.taints()) {
            if (NOT_READY_TAINTS.contains(t.key()) || isStartupTaint(t.key())) {
                return false;
            }
        }
        return true;
    }

    public boolean isStartupTaint(String key) {
        if (startupTaints.contains(key)) {
            return true;
        }
        for (String prefix : startupPrefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasToBeDeletedTaint(Node node) {
        for (Taint t : node.taints()) {
            if (t.key().equals(TO_BE_DELETED_TAINT)) {
                return true;
            }
        }
        return false;
    }
}
