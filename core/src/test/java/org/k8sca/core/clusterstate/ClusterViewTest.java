package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.group;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ClusterViewTest {

    @Test
    void badViewsAreRejectedWithNames() {
        assertThatThrownBy(
                        () ->
                                ClusterView.of(
                                        List.of(
                                                group("a", 0, 3, 1, running("x")),
                                                group("b", 0, 3, 1, running("x"))),
                                        List.of()))
                .hasMessage("instance fake://x is listed by node groups a and b");
        assertThatThrownBy(
                        () ->
                                ClusterView.of(
                                        List.of(group("a", 0, 3, 0), group("a", 0, 3, 0)),
                                        List.of()))
                .hasMessage("node group a is listed twice");
        assertThatThrownBy(
                        () ->
                                new ClusterView(
                                        List.of(group("a", 0, 3, 0)),
                                        List.of(),
                                        Map.of("n1", "zz")))
                .hasMessageContaining("node n1")
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> group("a", 4, 3, 0)).hasMessageContaining("node group a");
        assertThatThrownBy(() -> group("a", 0, 3, -1))
                .hasMessageContaining("target size is negative");
        assertThatThrownBy(() -> group("a", 0, 3, 2, running("x"), running("x")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ClusterStateConfig.DEFAULTS.withUnreadyLimits(-1, 45))
                .hasMessageContaining("--ok-total-unready-count");
        assertThatThrownBy(() -> ClusterStateConfig.DEFAULTS.withUnreadyLimits(3, 101))
                .hasMessageContaining("--max-total-unready-percentage");
    }

    @Test
    void readsTheProviderOnce() {
        NodeGroup g =
                new NodeGroup() {
                    @Override
                    public String id() {
                        return "ng";
                    }

                    @Override
                    public int minSize() {
                        return 1;
                    }

                    @Override
                    public int maxSize() {
                        return 4;
                    }

                    @Override
                    public int targetSize() {
                        return 2;
                    }

                    @Override
                    public void increaseSize(int delta) {}

                    @Override
                    public void deleteNodes(List<Node> nodes) {}

                    @Override
                    public void decreaseTargetSize(int negativeDelta) {}

                    @Override
                    public List<Instance> nodes() {
                        return List.of(running("a"), creating("b"));
                    }

                    @Override
                    public NodeTemplate templateNode() {
                        return null;
                    }

                    @Override
                    public NodeGroupOptions options(NodeGroupOptions defaults) {
                        return defaults.withMaxNodeProvisionTime(Duration.ofHours(1));
                    }
                };
        Node labelled = Node.builder("by-label").allocatable(readyNode("x").allocatable()).build();
        CloudProvider p =
                new CloudProvider() {
                    @Override
                    public String name() {
                        return "test";
                    }

                    @Override
                    public List<? extends NodeGroup> nodeGroups() {
                        return List.of(g);
                    }

                    @Override
                    public Optional<? extends NodeGroup> nodeGroupFor(Node node) {
                        return node.name().equals("by-label") ? Optional.of(g) : Optional.empty();
                    }

                    @Override
                    public void refresh() {}
                };
        ClusterView v =
                ClusterView.read(
                        p, List.of(readyNode("a"), labelled), NodeGroupOptions.UPSTREAM_DEFAULTS);
        assertThat(v.groups())
                .singleElement()
                .satisfies(
                        gv -> {
                            assertThat(gv.targetSize()).isEqualTo(2);
                            assertThat(gv.instances()).hasSize(2);
                            assertThat(gv.options().maxNodeProvisionTime())
                                    .isEqualTo(Duration.ofHours(1));
                        });
        assertThat(v.groupOfNode()).isEqualTo(Map.of("by-label", "ng"));
    }

    @Test
    void perGroupProvisionTimeIsUsed() {
        MutableClock clock = new MutableClock(Views.T0);
        ClusterStateRegistry r = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        NodeGroupView hour =
                new NodeGroupView(
                        "slow",
                        0,
                        5,
                        1,
                        List.of(creating("s")),
                        NodeGroupOptions.UPSTREAM_DEFAULTS.withMaxNodeProvisionTime(
                                Duration.ofHours(1)));
        r.update(ClusterView.of(List.of(hour), List.of()));
        clock.advance(Duration.ofMinutes(30));
        r.update(ClusterView.of(List.of(hour), List.of()));
        assertThat(r.upcomingNodes()).containsEntry("slow", 1);
        clock.advance(Duration.ofMinutes(31));
        r.update(ClusterView.of(List.of(hour), List.of()));
        assertThat(r.upcomingNodes()).isEmpty();
        assertThat(r.groupStatus("slow").orElseThrow().counts().longUnregistered()).isEqualTo(1);
    }
}
