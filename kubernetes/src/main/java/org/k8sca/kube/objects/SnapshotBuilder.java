package org.k8sca.kube.objects;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the core {@link ClusterSnapshot} a loop iteration simulates on: every node with its bound
 * pods, and pods waiting for preemption placed on their nominated node, so that they do not look
 * like a reason to scale up. Expendable pods (priority below the cutoff) are left out: the
 * scheduler preempts them whenever it needs their room.
 */
public final class SnapshotBuilder {

    /** Upstream's {@code --expendable-pods-priority-cutoff} default. */
    public static final int DEFAULT_EXPENDABLE_PRIORITY_CUTOFF = -10;

    private SnapshotBuilder() {}

    public static ClusterSnapshot build(ClusterObjects objects, int expendablePriorityCutoff) {
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        for (ObservedPod observed : objects.pods()) {
            Pod pod = observed.pod();
            if (pod.priority() < expendablePriorityCutoff) {
                continue;
            }
            if (observed.state() == SchedulingState.BOUND) {
                podsByNode.computeIfAbsent(pod.nodeName(), k -> new ArrayList<>()).add(pod);
            } else if (observed.state() == SchedulingState.NOMINATED) {
                podsByNode
                        .computeIfAbsent(pod.nominatedNodeName(), k -> new ArrayList<>())
                        .add(pod.withNodeName(pod.nominatedNodeName()));
            }
        }
        ClusterSnapshot snapshot = new ClusterSnapshot();
        objects.namespaceLabels().forEach(snapshot::setNamespaceLabels);
        for (Node node : objects.nodes()) {
            // Pods bound to a node that no longer exists have nowhere to go in the snapshot.
            snapshot.addNode(node, podsByNode.getOrDefault(node.name(), List.of()));
        }
        return snapshot;
    }
}
