package org.k8sca.app.metrics;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code type} label of {@code node_taints_count}: the taint keys an operator cares about by
 * name (the autoscaler's own and the node-lifecycle ones Kubernetes sets), the startup and status
 * taint families by prefix, and {@code other} for the rest, so that the label's values stay few.
 */
public final class TaintTypes {

    public static final String STARTUP = "startup-taint";
    public static final String STATUS = "status-taint";
    public static final String OTHER = "other";

    /** Keys counted under their own name. */
    public static final List<String> KNOWN_KEYS =
            List.of(
                    "ToBeDeletedByClusterAutoscaler",
                    "DeletionCandidateOfClusterAutoscaler",
                    "node.kubernetes.io/not-ready",
                    "node.kubernetes.io/unreachable",
                    "node.kubernetes.io/unschedulable",
                    "node.kubernetes.io/memory-pressure",
                    "node.kubernetes.io/disk-pressure",
                    "node.kubernetes.io/network-unavailable",
                    "node.kubernetes.io/pid-pressure",
                    "node.cloudprovider.kubernetes.io/uninitialized");

    private static final String STARTUP_PREFIX = "startup-taint.cluster-autoscaler.kubernetes.io/";
    // Upstream's older name for startup taints.
    private static final String IGNORE_PREFIX = "ignore-taint.cluster-autoscaler.kubernetes.io/";
    private static final String STATUS_PREFIX = "status-taint.cluster-autoscaler.kubernetes.io/";

    private TaintTypes() {}

    /** The label value for one taint key. */
    public static String typeOf(String key) {
        if (KNOWN_KEYS.contains(key)) {
            return key;
        }
        if (key.startsWith(STARTUP_PREFIX) || key.startsWith(IGNORE_PREFIX)) {
            return STARTUP;
        }
        if (key.startsWith(STATUS_PREFIX)) {
            return STATUS;
        }
        return OTHER;
    }

    /**
     * Taints on {@code nodes} by type, every type present with 0 included, so that a gauge set from
     * it goes back to 0 when the last taint of a type disappears.
     */
    public static Map<String, Integer> count(List<Node> nodes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : KNOWN_KEYS) {
            counts.put(key, 0);
        }
        counts.put(STARTUP, 0);
        counts.put(STATUS, 0);
        counts.put(OTHER, 0);
        for (Node n : nodes) {
            for (Taint t : n.taints()) {
                counts.merge(typeOf(t.key()), 1, Integer::sum);
            }
        }
        return counts;
    }
}
