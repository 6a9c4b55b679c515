package org.k8sca.core.testing;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.PricingModel;
import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cloud provider in memory: groups, node-to-group assignments, optional pricing and limits. */
public final class FakeCloudProvider implements CloudProvider {

    private final List<FakeNodeGroup> groups = new ArrayList<>();
    private final Map<String, FakeNodeGroup> groupByNode = new HashMap<>();
    private PricingModel pricing;
    private ResourceLimits limits = ResourceLimits.UNLIMITED;

    public FakeCloudProvider add(FakeNodeGroup g) {
        groups.add(g);
        return this;
    }

    public FakeCloudProvider assign(String nodeName, FakeNodeGroup g) {
        groupByNode.put(nodeName, g);
        return this;
    }

    public FakeCloudProvider pricing(PricingModel p) {
        pricing = p;
        return this;
    }

    public FakeCloudProvider limits(ResourceLimits l) {
        limits = l;
        return this;
    }

    public FakeNodeGroup group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<? extends NodeGroup> nodeGroups() {
        return groups;
    }

    @Override
    public Optional<? extends NodeGroup> nodeGroupFor(Node node) {
        return Optional.ofNullable(groupByNode.get(node.name()));
    }

    @Override
    public Optional<PricingModel> pricing() {
        return Optional.ofNullable(pricing);
    }

    @Override
    public ResourceLimits resourceLimits() {
        return limits;
    }

    @Override
    public void refresh() {}
}
