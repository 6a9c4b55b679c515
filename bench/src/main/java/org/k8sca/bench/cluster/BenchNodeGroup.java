package org.k8sca.bench.cluster;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * A node group held in memory. Resizes only change numbers: the benchmarks plan, they never carry a
 * plan out, so nothing here talks to a cloud.
 */
public final class BenchNodeGroup implements NodeGroup {

    private final NodeShape shape;
    private final int minSize;
    private final int maxSize;
    private final NodeTemplate template;
    private final List<String> instanceIds = new ArrayList<>();
    private int target;

    BenchNodeGroup(NodeShape shape, int minSize, int maxSize, NodeTemplate template) {
        this.shape = shape;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.template = template;
    }

    void addInstance(String id) {
        instanceIds.add(id);
        target++;
    }

    public NodeShape shape() {
        return shape;
    }

    @Override
    public String id() {
        return shape.groupId();
    }

    @Override
    public int minSize() {
        return minSize;
    }

    @Override
    public int maxSize() {
        return maxSize;
    }

    @Override
    public int targetSize() {
        return target;
    }

    @Override
    public void increaseSize(int delta) {
        if (delta <= 0 || target + delta > maxSize) {
            throw new CloudProviderException(
                    CloudProviderException.Kind.INVALID_REQUEST,
                    "node group "
                            + id()
                            + ": cannot increase target "
                            + target
                            + " by "
                            + delta
                            + " (max "
                            + maxSize
                            + ")");
        }
        target += delta;
    }

    @Override
    public void deleteNodes(List<Node> nodes) {
        throw CloudProviderException.notImplemented("deleting nodes of benchmark group " + id());
    }

    @Override
    public void decreaseTargetSize(int negativeDelta) {
        throw CloudProviderException.notImplemented(
                "decreasing the target of benchmark group " + id());
    }

    @Override
    public List<Instance> nodes() {
        List<Instance> out = new ArrayList<>(instanceIds.size());
        for (String id : instanceIds) {
            out.add(Instance.running(id));
        }
        return out;
    }

    @Override
    public NodeTemplate templateNode() {
        return template;
    }
}
