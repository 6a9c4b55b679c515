package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.OPTIONS;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.pid;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;
import static org.k8sca.core.clusterstate.Views.stopped;
import static org.k8sca.core.clusterstate.Views.unreadyNode;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The warm pool as the SPI states it: pool machines are {@link InstanceState#STOPPED} instances in
 * their group's {@code nodes()}, not in its target size, and their nodes map to no group. Read
 * through {@link ClusterView#read} like the loop does, the registry must never treat them as
 * unregistered, failed or upcoming, never plan to delete them, and agree with {@link
 * CloudProvider#isStandby}.
 */
class WarmPoolSemanticsTest {

    private static final Duration PAST_PROVISION = Duration.ofMinutes(15).plusSeconds(1);

    private final MutableClock clock = new MutableClock(T0);

    /**
     * A group listing whatever instances the test gives it; the target counts running and creating
     * ones.
     */
    private static final class ListedGroup implements NodeGroup {
        final List<Instance> instances = new ArrayList<>();
        final int min;

        ListedGroup(int min) {
            this.min = min;
        }

        @Override
        public String id() {
            return "ng";
        }

        @Override
        public int minSize() {
            return min;
        }

        @Override
        public int maxSize() {
            return 10;
        }

        @Override
        public int targetSize() {
            return (int)
                    instances.stream()
                            .filter(
                                    i ->
                                            i.state() == InstanceState.RUNNING
                                                    || i.state() == InstanceState.CREATING)
                            .count();
        }

        @Override
        public void increaseSize(int delta) {
            throw CloudProviderException.notImplemented("increase");
        }

        @Override
        public void deleteNodes(List<Node> nodes) {
            throw new AssertionError("deleteNodes " + nodes);
        }

        @Override
        public void decreaseTargetSize(int d) {
            throw new AssertionError("decreaseTargetSize " + d);
        }

        @Override
        public List<Instance> nodes() {
            return List.copyOf(instances);
        }

        @Override
        public NodeTemplate templateNode() {
            throw CloudProviderException.notImplemented("template");
        }
    }

    /** Maps a node to the group unless its machine is stopped (as the Kamatera provider does). */
    private static CloudProvider providerOf(ListedGroup group) {
        return new CloudProvider() {
            @Override
            public String name() {
                return "pool";
            }

            @Override
            public List<ListedGroup> nodeGroups() {
                return List.of(group);
            }

            @Override
            public void refresh() {}

            @Override
            public Optional<ListedGroup> nodeGroupFor(Node node) {
                return group.instances.stream()
                        .filter(
                                i ->
                                        i.id().equals(node.providerId())
                                                && i.state() != InstanceState.STOPPED)
                        .findFirst()
                        .map(i -> group);
            }
        };
    }

    @Test
    void stoppedMachinesWithAndWithoutNodesAreNeverCleanedUpEvenWhenForced() {
        ListedGroup group = new ListedGroup(0);
        group.instances.addAll(List.of(running("a"), stopped("p1"), stopped("p2"), stopped("p3")));
        CloudProvider provider = providerOf(group);
        // p3's Node was deleted from the cluster (e.g. by a NotReady-node reaper); p1 and p2 are
        // NotReady.
        List<Node> nodes = List.of(readyNode("a"), unreadyNode("p1"), unreadyNode("p2"));
        ClusterStateRegistry registry =
                new ClusterStateRegistry(
                        ClusterStateConfig.DEFAULTS.withForceDelete(true, true), clock);

        registry.update(ClusterView.read(provider, nodes, OPTIONS));
        clock.advance(PAST_PROVISION);
        registry.update(ClusterView.read(provider, nodes, OPTIONS));
        clock.advance(PAST_PROVISION);
        ClusterStateUpdate last = registry.update(ClusterView.read(provider, nodes, OPTIONS));

        NodeCounts c = registry.groupStatus("ng").orElseThrow().counts();
        assertThat(c.stopped()).isEqualTo(3);
        assertThat(c.registered()).isEqualTo(1);
        assertThat(c.unready()).isZero();
        assertThat(c.unregistered()).isZero();
        assertThat(c.longUnregistered()).isZero();
        assertThat(c.failed()).isZero();
        assertThat(c.upcoming()).isZero();
        assertThat(registry.cleanupPlan().isEmpty()).isTrue();
        assertThat(registry.wrongSizePlan()).isEmpty();
        assertThat(last.reverts()).isEmpty();
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.isClusterHealthy()).isTrue();
        assertThat(registry.isGroupHealthy("ng")).isTrue();
        assertThat(registry.nodeCategories())
                .containsEntry("p1", NodeCategory.STOPPED)
                .containsEntry("p2", NodeCategory.STOPPED)
                .containsEntry("a", NodeCategory.READY);
    }

    @Test
    void theSameMachinesReportedRunningWouldBeCleanedUp() {
        // The contrast that makes the test above meaningful: p3 without a node is deleted when
        // running.
        ListedGroup group = new ListedGroup(0);
        group.instances.addAll(List.of(running("a"), running("p1"), running("p2"), running("p3")));
        CloudProvider provider = providerOf(group);
        List<Node> nodes = List.of(readyNode("a"), unreadyNode("p1"), unreadyNode("p2"));
        ClusterStateRegistry registry =
                new ClusterStateRegistry(
                        ClusterStateConfig.DEFAULTS.withForceDelete(true, true), clock);

        registry.update(ClusterView.read(provider, nodes, OPTIONS));
        clock.advance(PAST_PROVISION);
        registry.update(ClusterView.read(provider, nodes, OPTIONS));

        assertThat(registry.cleanupPlan().unregistered())
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.instances())
                                        .extracting(Instance::id)
                                        .containsExactly(pid("p3")));
        assertThat(registry.nodeCategories()).containsEntry("p1", NodeCategory.UNREADY);
    }

    @Test
    void isStandbyAgreesWithTheRegistryForEveryNode() {
        ListedGroup group = new ListedGroup(1);
        group.instances.addAll(
                List.of(
                        running("a"),
                        stopped("p1"),
                        stopped("p2"),
                        new Instance(pid("d"), InstanceState.DELETING, null)));
        CloudProvider provider = providerOf(group);
        Node foreign =
                Node.builder("cp")
                        .providerId("other://cp")
                        .allocatable(readyNode("a").allocatable())
                        .ready(true)
                        .build();
        Node noProviderId =
                Node.builder("p2").allocatable(readyNode("a").allocatable()).ready(false).build();
        List<Node> nodes = List.of(readyNode("a"), unreadyNode("p1"), unreadyNode("d"), foreign);
        ClusterStateRegistry registry =
                new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);

        registry.update(ClusterView.read(provider, nodes, OPTIONS));

        for (Node n : nodes) {
            boolean stoppedCategory =
                    registry.nodeCategories().get(n.name()) == NodeCategory.STOPPED;
            assertThat(provider.isStandby(n))
                    .as("isStandby(%s)", n.name())
                    .isEqualTo(stoppedCategory);
        }
        assertThat(provider.isStandby(unreadyNode("p1"))).isTrue();
        assertThat(provider.isStandby(unreadyNode("p2")))
                .as("a stopped machine whose node is gone")
                .isTrue();
        assertThat(provider.isStandby(noProviderId)).as("matched by provider ID only").isFalse();
        assertThat(provider.nodeGroupFor(unreadyNode("p1"))).isEmpty();

        // Powered on again: no longer standby, and back in its group.
        group.instances.set(1, new Instance(pid("p1"), InstanceState.CREATING, null));
        registry.update(ClusterView.read(provider, nodes, OPTIONS));
        assertThat(provider.isStandby(unreadyNode("p1"))).isFalse();
        assertThat(registry.nodeCategories().get("p1")).isEqualTo(NodeCategory.NOT_STARTED);
    }
}
