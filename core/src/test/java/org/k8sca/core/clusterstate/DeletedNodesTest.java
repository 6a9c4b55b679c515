package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;
import static org.k8sca.core.clusterstate.Views.unreadyNode;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Nodes whose machine is gone ({@code hasInstance} false, e.g. a server deleted by hand) count as
 * deleted: not unready, not ready, not members of a group, so they cannot trip the health gate.
 */
class DeletedNodesTest {

    private final MutableClock clock = new MutableClock(T0);
    private final ClusterStateRegistry registry =
            new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);

    @Test
    void aNodeWithoutMachineIsDeletedNotUnreadyAndInNoGroup() {
        NodeGroupView g = kamateraGroup("ng", 0, 5, running("a"), running("b"));
        registry.update(
                new ClusterView(
                        List.of(g),
                        List.of(readyNode("a"), readyNode("b"), unreadyNode("gone")),
                        Map.of("a", "ng", "b", "ng", "gone", "ng"),
                        Set.of("gone")));

        assertThat(registry.nodeCategories()).containsEntry("gone", NodeCategory.BEING_DELETED);
        NodeCounts total = registry.totalCounts();
        assertThat(total.unready()).isZero();
        assertThat(total.ready()).isEqualTo(2);
        assertThat(total.beingDeleted()).isEqualTo(1);
        assertThat(total.registered()).isEqualTo(3);
        NodeCounts group = registry.groupStatus("ng").orElseThrow().counts();
        assertThat(group.registered()).as("the gone node is no member of ng").isEqualTo(2);
        assertThat(group.beingDeleted()).isZero();
    }

    @Test
    void aReadyNodeWithoutMachineIsNotCountedReady() {
        registry.update(
                new ClusterView(
                        List.of(), List.of(readyNode("x"), readyNode("y")), Map.of(), Set.of("y")));
        assertThat(registry.totalCounts().ready()).isEqualTo(1);
        assertThat(registry.nodeCategories()).containsEntry("y", NodeCategory.BEING_DELETED);
    }

    /**
     * With many servers deleted by hand, the health gate trips only on the nodes that really are
     * unready with a machine: the same nodes, had their machines existed, would make it unhealthy.
     */
    @Test
    void nodesWithoutMachineDoNotTripTheHealthGate() {
        List<Node> nodes = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(readyNode("r" + i));
        }
        for (int i = 0; i < 6; i++) {
            nodes.add(unreadyNode("u" + i));
            gone.add("u" + i);
        }
        registry.update(new ClusterView(List.of(), nodes, Map.of(), gone));
        assertThat(registry.isClusterHealthy()).isTrue();
        assertThat(registry.clusterUnhealthyReason()).isEmpty();

        ClusterStateRegistry control = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        control.update(new ClusterView(List.of(), nodes, Map.of(), Set.of()));
        assertThat(control.isClusterHealthy())
                .as("the same unready nodes with machines make the cluster unhealthy")
                .isFalse();
    }

    /**
     * Property: whatever the mix, gone nodes add to beingDeleted and to no other category, and
     * never make a healthy cluster unhealthy.
     */
    @Test
    void goneNodesOnlyEverAddToBeingDeleted() {
        long seed = Long.getLong("test.seed", 20261125L);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Node> nodes = new ArrayList<>();
            Set<String> gone = new HashSet<>();
            int size = random.nextInt(12);
            for (int i = 0; i < size; i++) {
                String name = "n" + i;
                nodes.add(random.nextBoolean() ? readyNode(name) : unreadyNode(name));
                if (random.nextInt(3) == 0) {
                    gone.add(name);
                }
            }
            ClusterStateRegistry with =
                    new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
            with.update(new ClusterView(List.of(), nodes, Map.of(), gone));
            List<Node> kept = nodes.stream().filter(n -> !gone.contains(n.name())).toList();
            ClusterStateRegistry without =
                    new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
            without.update(new ClusterView(List.of(), kept, Map.of(), Set.of()));

            NodeCounts a = with.totalCounts();
            NodeCounts b = without.totalCounts();
            String why = "seed " + seed + ", round " + round + ", gone " + gone;
            assertThat(a.ready()).as(why).isEqualTo(b.ready());
            assertThat(a.unready()).as(why).isEqualTo(b.unready());
            assertThat(a.notStarted()).as(why).isEqualTo(b.notStarted());
            assertThat(a.beingDeleted()).as(why).isEqualTo(b.beingDeleted() + gone.size());
            // They still count in the node total the unready share is taken of (as upstream's
            // all-nodes count), so they can only make the cluster healthier.
            if (without.isClusterHealthy()) {
                assertThat(with.isClusterHealthy()).as(why).isTrue();
            }
        }
    }

    @Test
    void readAsksTheProviderWhetherEachNodeHasItsMachine() throws Exception {
        CloudProvider provider =
                new CloudProvider() {
                    @Override
                    public String name() {
                        return "test";
                    }

                    @Override
                    public List<? extends NodeGroup> nodeGroups() {
                        return List.of();
                    }

                    @Override
                    public Optional<? extends NodeGroup> nodeGroupFor(Node node) {
                        return Optional.empty();
                    }

                    @Override
                    public boolean hasInstance(Node node) {
                        return !node.name().equals("gone");
                    }

                    @Override
                    public void refresh() {}
                };
        ClusterView v =
                ClusterView.read(
                        provider,
                        List.of(readyNode("cp"), unreadyNode("gone")),
                        NodeGroupOptions.UPSTREAM_DEFAULTS);
        assertThat(v.nodesWithoutInstance()).containsExactly("gone");
    }
}
