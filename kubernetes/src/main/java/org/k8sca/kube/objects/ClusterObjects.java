package org.k8sca.kube.objects;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consistent, immutable copy of the translated cluster at one moment: every list reflects the
 * same set of processed watch events. The main loop takes one per iteration.
 *
 * @param version increases with every change the view processed; equal versions mean equal content
 * @param nodes all nodes, sorted by name
 * @param pods all pods (finished ones included, marked {@link SchedulingState#FINISHED}), sorted by
 *     namespace and name
 * @param disruptionBudgets all PodDisruptionBudgets
 * @param daemonSets all DaemonSets
 * @param workloadsByUid ReplicaSets, ReplicationControllers, StatefulSets and Jobs by UID
 * @param namespaceLabels labels of every namespace, for namespace selectors
 * @param priorityExpanderConfig the data of the {@code cluster-autoscaler-priority-expander}
 *     ConfigMap (key {@code priorities}), empty when there is none
 */
public record ClusterObjects(
        long version,
        List<Node> nodes,
        List<ObservedPod> pods,
        List<PodDisruptionBudget> disruptionBudgets,
        List<DaemonSet> daemonSets,
        Map<String, Workload> workloadsByUid,
        Map<String, Labels> namespaceLabels,
        Map<String, String> priorityExpanderConfig) {

    public static final ClusterObjects EMPTY =
            new ClusterObjects(
                    0, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());

    public ClusterObjects {
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
        disruptionBudgets = List.copyOf(disruptionBudgets);
        daemonSets = List.copyOf(daemonSets);
        workloadsByUid = Map.copyOf(workloadsByUid);
        namespaceLabels = Map.copyOf(namespaceLabels);
        priorityExpanderConfig =
                priorityExpanderConfig == null ? Map.of() : Map.copyOf(priorityExpanderConfig);
    }

    /** The pods in any of {@code states}, in the order of {@link #pods()}. */
    public List<ObservedPod> podsIn(SchedulingState first, SchedulingState... more) {
        Set<SchedulingState> wanted = EnumSet.of(first, more);
        List<ObservedPod> out = new ArrayList<>();
        for (ObservedPod p : pods) {
            if (wanted.contains(p.state())) {
                out.add(p);
            }
        }
        return out;
    }
}
