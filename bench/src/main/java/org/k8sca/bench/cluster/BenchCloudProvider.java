package org.k8sca.bench.cluster;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.model.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generated cluster's cloud: node groups found by the node's group label, and warm-pool nodes
 * that are on standby (they belong to no group, as the SPI says).
 */
public final class BenchCloudProvider implements CloudProvider {

    /** Node label naming a node's group. */
    public static final String GROUP_LABEL = "bench.k8sca.org/node-group";

    private final List<BenchNodeGroup> groups;
    private final Map<String, BenchNodeGroup> byId;
    private final Set<String> standby;

    BenchCloudProvider(List<BenchNodeGroup> groups, Set<String> standbyNodes) {
        this.groups = List.copyOf(groups);
        this.byId = new java.util.HashMap<>();
        for (BenchNodeGroup g : groups) {
            byId.put(g.id(), g);
        }
        this.standby = Set.copyOf(standbyNodes);
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public List<BenchNodeGroup> nodeGroups() {
        return groups;
    }

    @Override
    public Optional<BenchNodeGroup> nodeGroupFor(Node node) {
        if (standby.contains(node.name())) {
            return Optional.empty();
        }
        String id = node.labels().get(GROUP_LABEL);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public boolean isStandby(Node node) {
        return standby.contains(node.name());
    }

    @Override
    public void refresh() {
        // Nothing to re-read: the groups live in memory.
    }
}
