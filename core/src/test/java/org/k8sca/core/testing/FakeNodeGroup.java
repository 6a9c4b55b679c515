package org.k8sca.core.testing;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.List;

/** A node group in memory: sizes, an optional template, and a log of resize calls. */
public final class FakeNodeGroup implements NodeGroup {

    private final String id;
    private final int min;
    private final int max;
    private int target;
    private NodeTemplate template;
    private boolean atomic;
    private CloudProviderException increaseFailure;
    public final List<Integer> increases = new ArrayList<>();

    public FakeNodeGroup(String id, int min, int max, int target) {
        this.id = id;
        this.min = min;
        this.max = max;
        this.target = target;
    }

    public FakeNodeGroup template(NodeTemplate t) {
        template = t;
        return this;
    }

    public FakeNodeGroup atomic(boolean v) {
        atomic = v;
        return this;
    }

    public FakeNodeGroup failIncreasesWith(CloudProviderException e) {
        increaseFailure = e;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int minSize() {
        return min;
    }

    @Override
    public int maxSize() {
        return max;
    }

    @Override
    public int targetSize() {
        return target;
    }

    @Override
    public void increaseSize(int delta) {
        if (increaseFailure != null) {
            throw increaseFailure;
        }
        if (delta <= 0 || target + delta > max) {
            throw new CloudProviderException(
                    CloudProviderException.Kind.INVALID_REQUEST, "bad delta " + delta);
        }
        increases.add(delta);
        target += delta;
    }

    @Override
    public void deleteNodes(List<Node> nodes) {
        throw CloudProviderException.notImplemented("deleteNodes");
    }

    @Override
    public void decreaseTargetSize(int negativeDelta) {
        throw CloudProviderException.notImplemented("decreaseTargetSize");
    }

    @Override
    public List<Instance> nodes() {
        return List.of();
    }

    @Override
    public NodeTemplate templateNode() {
        if (template == null) {
            throw CloudProviderException.notImplemented("template of " + id);
        }
        return template;
    }

    @Override
    public boolean atomic() {
        return atomic;
    }
}
