package org.k8sca.app.testing;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory cloud: node groups whose machines are ids {@code fake://<group>/<n>}; a node belongs
 * to the group listing its provider id. Increases add running machines at once.
 */
public final class FakeCloud implements CloudProvider {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Set<String> standby = new HashSet<>();
    private final Set<String> gone = new HashSet<>();

    /** Thrown by {@link #hasInstance} when set. */
    public CloudProviderException hasInstanceFailure;

    public int refreshes;
    public CloudProviderException refreshFailure;

    /** Runs on every refresh, before a failure is thrown (e.g. to move a test clock). */
    public Runnable onRefresh = () -> {};

    public Group add(String id, int min, int max, long milliCpu, long memoryBytes) {
        Group g = new Group(id, min, max, milliCpu, memoryBytes);
        groups.put(id, g);
        return g;
    }

    public Group group(String id) {
        return groups.get(id);
    }

    public void standby(String nodeName) {
        standby.add(nodeName);
    }

    /** Says from now on that {@code nodeName}'s machine is gone ({@code hasInstance} false). */
    public void serverGone(String nodeName) {
        gone.add(nodeName);
    }

    @Override
    public boolean hasInstance(Node node) {
        if (hasInstanceFailure != null) {
            throw hasInstanceFailure;
        }
        return !gone.contains(node.name());
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<Group> nodeGroups() {
        return List.copyOf(groups.values());
    }

    @Override
    public Optional<Group> nodeGroupFor(Node node) {
        if (standby.contains(node.name())) {
            return Optional.empty();
        }
        return groups.values().stream().filter(g -> g.has(node.providerId())).findFirst();
    }

    @Override
    public boolean isStandby(Node node) {
        return standby.contains(node.name());
    }

    @Override
    public void refresh() {
        refreshes++;
        onRefresh.run();
        if (refreshFailure != null) {
            throw refreshFailure;
        }
    }

    /** One node group. */
    public static final class Group implements NodeGroup {
        private final String id;
        private final int min;
        private final int max;
        private final long milliCpu;
        private final long memoryBytes;
        private final List<Instance> instances = new ArrayList<>();
        private int target;
        private int created;
        public final List<Integer> increases = new ArrayList<>();
        public final List<String> deleted = new ArrayList<>();
        public CloudProviderException increaseFailure;

        Group(String id, int min, int max, long milliCpu, long memoryBytes) {
            this.id = id;
            this.min = min;
            this.max = max;
            this.milliCpu = milliCpu;
            this.memoryBytes = memoryBytes;
        }

        /** Adds a running machine (for a node that already exists) and returns its provider id. */
        public String addInstance() {
            String providerId = "fake://" + id + "/" + created++;
            instances.add(Instance.running(providerId));
            target++;
            return providerId;
        }

        boolean has(String providerId) {
            return instances.stream().anyMatch(i -> i.id().equals(providerId));
        }

        public List<Instance> instances() {
            return List.copyOf(instances);
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
                        CloudProviderException.Kind.INVALID_REQUEST,
                        "bad increase " + delta + " of " + id);
            }
            increases.add(delta);
            for (int i = 0; i < delta; i++) {
                addInstance();
            }
        }

        @Override
        public void deleteNodes(List<Node> nodes) {
            for (Node n : nodes) {
                if (!instances.removeIf(i -> i.id().equals(n.providerId()))) {
                    throw new CloudProviderException(
                            CloudProviderException.Kind.INVALID_REQUEST,
                            "node " + n.name() + " is not in group " + id);
                }
                deleted.add(n.name());
                target--;
            }
        }

        @Override
        public void decreaseTargetSize(int negativeDelta) {
            target += negativeDelta;
        }

        @Override
        public List<Instance> nodes() {
            return List.copyOf(instances);
        }

        @Override
        public NodeTemplate templateNode() {
            Resources r = Resources.of(milliCpu, memoryBytes, 0, 110, 0);
            return new NodeTemplate(
                    Node.builder("template-" + id).allocatable(r).capacity(r).build(), List.of());
        }
    }
}
