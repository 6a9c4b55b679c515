package org.k8sca.core.scaledown;

import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.scaledown.drain.WorkloadControllers;
import org.k8sca.core.scaledown.selection.NodeGroupView;
import org.k8sca.core.scaledown.unneeded.Cooldown;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one scale-down pass reads. The planner leaves the snapshot as it found it.
 *
 * @param snapshot registered nodes (not upcoming ones) with their scheduled, non-expendable pods
 * @param groupOfNode node name to the id of its node group; nodes missing here are not autoscaled
 * @param groups node groups by id
 * @param beingDeleted nodes whose deletion is in flight: neither candidates nor destinations
 * @param pdbs all PodDisruptionBudgets
 * @param controllers existing workload controllers with their replica counts; null means none
 *     exist, which (with {@code --skip-nodes-with-custom-controller-pods}) blocks every controlled
 *     pod
 * @param cooldown recent scale-up, failure and deletion times
 * @param emptyDeletionsInFlight empty-node deletions in flight
 * @param drainsInFlight drains in flight
 * @param providerLimits the provider's cluster-wide limits (the larger of it and the flag minimum
 *     is used)
 * @param gpuLabel the provider's GPU node label, or empty
 */
public record ScaleDownInput(
        ClusterSnapshot snapshot,
        Map<String, String> groupOfNode,
        Map<String, NodeGroupView> groups,
        Set<String> beingDeleted,
        List<PodDisruptionBudget> pdbs,
        WorkloadControllers controllers,
        Cooldown cooldown,
        int emptyDeletionsInFlight,
        int drainsInFlight,
        ResourceLimits providerLimits,
        String gpuLabel) {

    public ScaleDownInput {
        Objects.requireNonNull(snapshot, "snapshot");
        groupOfNode = Map.copyOf(groupOfNode);
        groups = Map.copyOf(groups);
        beingDeleted = Set.copyOf(beingDeleted);
        pdbs = List.copyOf(pdbs);
        controllers = controllers == null ? WorkloadControllers.NONE : controllers;
        cooldown = cooldown == null ? Cooldown.NONE : cooldown;
        providerLimits = providerLimits == null ? ResourceLimits.UNLIMITED : providerLimits;
        gpuLabel = gpuLabel == null ? "" : gpuLabel;
        for (Map.Entry<String, String> e : groupOfNode.entrySet()) {
            if (!groups.containsKey(e.getValue())) {
                throw new IllegalArgumentException(
                        "node " + e.getKey() + " belongs to unknown node group " + e.getValue());
            }
        }
    }
}
