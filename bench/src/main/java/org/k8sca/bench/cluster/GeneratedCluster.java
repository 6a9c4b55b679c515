package org.k8sca.bench.cluster;

import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.scaledown.ScaleDownInput;
import org.k8sca.core.scaledown.ScaleDownOptions;
import org.k8sca.core.scaledown.drain.WorkloadControllers;
import org.k8sca.core.scaledown.selection.NodeGroupView;
import org.k8sca.core.scaledown.unneeded.Cooldown;
import org.k8sca.core.scaleup.ScaleUpInput;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.GroupTemplate;
import org.k8sca.core.template.TemplateNodeBuilder;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated cluster, ready to hand to the planners.
 *
 * @param spec what was asked for
 * @param snapshot registered nodes (autoscaled and warm-pool) with their bound pods
 * @param provider the node groups and the warm pool
 * @param daemonSets the DaemonSets running on every node
 * @param pdbs the PodDisruptionBudgets
 * @param controllers every ReplicaSet and StatefulSet with its replica count
 * @param groupOfNode autoscaled node name to its group id (warm-pool nodes are absent)
 * @param pending the burst of pending pods
 */
public record GeneratedCluster(
        ClusterSpec spec,
        ClusterSnapshot snapshot,
        BenchCloudProvider provider,
        List<DaemonSet> daemonSets,
        List<PodDisruptionBudget> pdbs,
        WorkloadControllers controllers,
        Map<String, String> groupOfNode,
        List<Pod> pending) {

    public GeneratedCluster {
        daemonSets = List.copyOf(daemonSets);
        pdbs = List.copyOf(pdbs);
        groupOfNode = Map.copyOf(groupOfNode);
        pending = List.copyOf(pending);
    }

    /** Each group's template, built the way the loop builds it (from a ready node of the group). */
    public Map<String, GroupTemplate> templates(Clock clock) {
        return new TemplateNodeBuilder(clock).build(provider, snapshot, daemonSets);
    }

    /** The input of one scale-up pass: no upcoming nodes, no backoff. */
    public ScaleUpInput scaleUpInput(Map<String, GroupTemplate> templates) {
        return new ScaleUpInput(snapshot, pending, provider, templates, Map.of(), Map.of());
    }

    /** The input of one scale-down pass: no cooldown, nothing being deleted. */
    public ScaleDownInput scaleDownInput(ScaleDownOptions options) {
        Map<String, NodeGroupView> groups = new HashMap<>();
        for (BenchNodeGroup g : provider.nodeGroups()) {
            groups.put(
                    g.id(),
                    new NodeGroupView(
                            g.id(), g.minSize(), g.targetSize(), 0, options.groupDefaults()));
        }
        return new ScaleDownInput(
                snapshot,
                groupOfNode,
                groups,
                Set.of(),
                pdbs,
                controllers,
                Cooldown.NONE,
                0,
                0,
                ResourceLimits.UNLIMITED,
                "");
    }
}
