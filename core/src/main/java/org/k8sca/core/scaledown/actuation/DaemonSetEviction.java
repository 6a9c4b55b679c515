package org.k8sca.core.scaledown.actuation;

import org.k8sca.core.model.Pod;

import java.util.ArrayList;
import java.util.List;

/**
 * Which DaemonSet pods to evict before a node goes: by default those of occupied nodes ({@code
 * --daemonset-eviction-for-occupied-nodes}, true) but not of empty nodes ({@code
 * --daemonset-eviction-for-empty-nodes}, false); the pod annotation {@code
 * cluster-autoscaler.kubernetes.io/enable-ds-eviction} overrides both.
 */
public final class DaemonSetEviction {

    public static final String ENABLE_DS_EVICTION =
            "cluster-autoscaler.kubernetes.io/enable-ds-eviction";

    private DaemonSetEviction() {}

    public static List<Pod> podsToEvict(
            List<Pod> daemonSetPods,
            boolean nodeEmpty,
            boolean forEmptyNodes,
            boolean forOccupiedNodes) {
        boolean byDefault = nodeEmpty ? forEmptyNodes : forOccupiedNodes;
        List<Pod> out = new ArrayList<>();
        for (Pod p : daemonSetPods) {
            String annotation = p.annotations().get(ENABLE_DS_EVICTION);
            boolean evict = annotation == null ? byDefault : "true".equals(annotation);
            if (evict) {
                out.add(p);
            }
        }
        return out;
    }
}
