package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the registry is updated with once per loop: the cloud's node groups and the Kubernetes
 * nodes, plus which group each node belongs to.
 *
 * <p>Nodes are matched to instances by {@code spec.providerID} equal to the instance id. A node
 * belongs to the group in {@code groupOfNode} (what {@code CloudProvider.nodeGroupFor} said) or,
 * failing that, to the group that lists an instance with its provider id.
 *
 * <p>A node in {@code nodesWithoutInstance} (the provider's {@code hasInstance} said false: its
 * machine is gone, e.g. deleted by hand in the cloud console) belongs to no group whatever the
 * other two say, as upstream's "deleted" nodes.
 *
 * @param groups the node groups, ids unique
 * @param nodes all Kubernetes nodes
 * @param groupOfNode node name → group id, for nodes the provider maps to a group
 * @param nodesWithoutInstance names of nodes whose machine no longer exists
 */
public record ClusterView(
        List<NodeGroupView> groups,
        List<Node> nodes,
        Map<String, String> groupOfNode,
        Set<String> nodesWithoutInstance) {

    public ClusterView {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        groupOfNode = Map.copyOf(Objects.requireNonNull(groupOfNode, "groupOfNode"));
        nodesWithoutInstance =
                Set.copyOf(Objects.requireNonNull(nodesWithoutInstance, "nodesWithoutInstance"));
        Map<String, String> ownerOfInstance = new HashMap<>();
        Map<String, NodeGroupView> byId = new HashMap<>();
        for (NodeGroupView g : groups) {
            if (byId.put(g.id(), g) != null) {
                throw new IllegalArgumentException("node group " + g.id() + " is listed twice");
            }
            for (Instance i : g.instances()) {
                String other = ownerOfInstance.put(i.id(), g.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "instance "
                                    + i.id()
                                    + " is listed by node groups "
                                    + other
                                    + " and "
                                    + g.id());
                }
            }
        }
        for (Map.Entry<String, String> e : groupOfNode.entrySet()) {
            if (!byId.containsKey(e.getValue())) {
                throw new IllegalArgumentException(
                        "node "
                                + e.getKey()
                                + " is mapped to node group "
                                + e.getValue()
                                + ", which is not in the view");
            }
        }
    }

    /** A view in which every node's machine exists (or is not the provider's to judge). */
    public ClusterView(
            List<NodeGroupView> groups, List<Node> nodes, Map<String, String> groupOfNode) {
        this(groups, nodes, groupOfNode, Set.of());
    }

    /** A view whose nodes are matched to groups by provider id only. */
    public static ClusterView of(List<NodeGroupView> groups, List<Node> nodes) {
        return new ClusterView(groups, nodes, Map.of());
    }

    /**
     * Reads the view from a provider that was just refreshed: one {@code targetSize}, {@code nodes}
     * and {@code options} call per group and one {@code nodeGroupFor} and {@code hasInstance} call
     * per node. Provider errors propagate (the loop treats them as a cloud-provider error).
     */
    public static ClusterView read(
            CloudProvider provider, List<Node> nodes, NodeGroupOptions defaults)
            throws CloudProviderException {
        List<NodeGroupView> groups = new ArrayList<>();
        for (NodeGroup g : provider.nodeGroups()) {
            groups.add(
                    new NodeGroupView(
                            g.id(),
                            g.minSize(),
                            g.maxSize(),
                            g.targetSize(),
                            g.nodes(),
                            g.options(defaults)));
        }
        Map<String, String> groupOfNode = new HashMap<>();
        Set<String> withoutInstance = new HashSet<>();
        for (Node n : nodes) {
            Optional<? extends NodeGroup> g = provider.nodeGroupFor(n);
            g.ifPresent(group -> groupOfNode.put(n.name(), group.id()));
            if (!provider.hasInstance(n)) {
                withoutInstance.add(n.name());
            }
        }
        return new ClusterView(groups, nodes, groupOfNode, withoutInstance);
    }
}
