package org.k8sca.core.clusterstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.clusterstate.Views.T0;
import static org.k8sca.core.clusterstate.Views.creating;
import static org.k8sca.core.clusterstate.Views.deleting;
import static org.k8sca.core.clusterstate.Views.failed;
import static org.k8sca.core.clusterstate.Views.group;
import static org.k8sca.core.clusterstate.Views.kamateraGroup;
import static org.k8sca.core.clusterstate.Views.node;
import static org.k8sca.core.clusterstate.Views.readyNode;
import static org.k8sca.core.clusterstate.Views.running;
import static org.k8sca.core.clusterstate.Views.stopped;
import static org.k8sca.core.clusterstate.Views.taint;
import static org.k8sca.core.clusterstate.Views.unreadyNode;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.model.Node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Node categories, startup taints, warm-pool machines and the upcoming-node count. */
class ReadinessAndUpcomingTest {

    private final MutableClock clock = new MutableClock(T0);
    private ClusterStateRegistry registry =
            new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);

    private void update(List<NodeGroupView> groups, Node... nodes) {
        registry.update(ClusterView.of(groups, List.of(nodes)));
    }

    @Test
    void categoriesAndCounts() {
        Node young = node("young", false, T0.minus(Duration.ofMinutes(5))).build();
        Node old = unreadyNode("old");
        Node leaving =
                node("leaving", true, T0.minus(Duration.ofDays(1)))
                        .taints(List.of(taint(NodeReadinessRules.TO_BE_DELETED_TAINT)))
                        .build();
        Node shuttingDown = readyNode("down");
        Node controlPlane = Node.builder("cp").allocatable(readyNode("x").allocatable()).build();
        update(
                List.of(
                        kamateraGroup(
                                "ng",
                                0,
                                10,
                                running("r1"),
                                running("young"),
                                running("old"),
                                running("leaving"),
                                deleting("down"),
                                creating("boot1"),
                                failed("bad", ErrorClass.OTHER, "E", "boom"))),
                readyNode("r1"),
                young,
                old,
                leaving,
                shuttingDown,
                controlPlane);

        assertThat(registry.nodeCategories())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "r1",
                                NodeCategory.READY,
                                "young",
                                NodeCategory.NOT_STARTED,
                                "old",
                                NodeCategory.UNREADY,
                                "leaving",
                                NodeCategory.BEING_DELETED,
                                "down",
                                NodeCategory.BEING_DELETED,
                                "cp",
                                NodeCategory.READY));
        NodeCounts g = registry.groupStatus("ng").orElseThrow().counts();
        assertThat(g).isEqualTo(new NodeCounts(1, 1, 1, 2, 0, 1, 0, 1, 2));
        assertThat(g.registered()).isEqualTo(5);
        // The control-plane node belongs to no group but counts in the cluster totals.
        assertThat(registry.totalCounts().ready()).isEqualTo(2);
        assertThat(registry.totalCounts().registered()).isEqualTo(6);
    }

    @Test
    void nodeMappedToAGroupWithoutAMachineIsBeingDeleted() {
        Node orphan = readyNode("gone");
        registry.update(
                new ClusterView(
                        List.of(kamateraGroup("ng", 0, 3, running("a"))),
                        List.of(readyNode("a"), orphan),
                        Map.of("gone", "ng")));
        assertThat(registry.nodeCategories()).containsEntry("gone", NodeCategory.BEING_DELETED);
    }

    @Test
    void startupTaintedNodeIsNotReadyYetThenUnready() {
        registry =
                new ClusterStateRegistry(
                        ClusterStateConfig.DEFAULTS.withStartupTaints(
                                Set.of("node.cilium.io/agent-not-ready"), List.of()),
                        clock);
        Node cilium =
                node("c", true, T0)
                        .taints(List.of(taint("node.cilium.io/agent-not-ready")))
                        .build();
        Node standard =
                node("s", true, T0)
                        .taints(
                                List.of(
                                        taint(
                                                "startup-taint.cluster-autoscaler.kubernetes.io/csi")))
                        .build();
        NodeGroupView g = kamateraGroup("ng", 0, 5, running("c"), running("s"));
        update(List.of(g), cilium, standard);
        assertThat(registry.nodeCategories())
                .containsEntry("c", NodeCategory.NOT_STARTED)
                .containsEntry("s", NodeCategory.NOT_STARTED);
        // Both are upcoming, so pending pods waiting for them do not cause another scale-up.
        assertThat(registry.upcomingNodes()).containsEntry("ng", 2);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        update(List.of(g), cilium, standard);
        assertThat(registry.nodeCategories())
                .containsEntry("c", NodeCategory.UNREADY)
                .containsEntry("s", NodeCategory.UNREADY);
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.totalCounts().unready()).isEqualTo(2);
    }

    @Test
    void upcomingCountsBootingNodesAndMachinesButNotFailedOrLongUnregisteredOnes() {
        NodeGroupView g =
                kamateraGroup(
                        "ng",
                        0,
                        10,
                        running("r1"),
                        running("r2"),
                        running("booting"),
                        creating("m1"),
                        creating("m2"),
                        failed("f", ErrorClass.OUT_OF_RESOURCES, "Q", "quota"));
        Node booting = node("booting", false, T0).build();
        update(List.of(g), readyNode("r1"), readyNode("r2"), booting);
        // target 6 = 2 ready + 1 booting node + 2 machines + 1 failed machine.
        assertThat(registry.upcomingNodes()).containsExactlyEntriesOf(Map.of("ng", 3));

        // A freshly started registry (the autoscaler restarted) sees the same machines coming.
        ClusterStateRegistry fresh = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        fresh.update(
                ClusterView.of(List.of(g), List.of(readyNode("r1"), readyNode("r2"), booting)));
        assertThat(fresh.upcomingNodes()).containsEntry("ng", 3);

        // Past the provision time the machines are long-unregistered and no longer upcoming;
        // the node is past its startup time and unready.
        clock.advance(Duration.ofMinutes(16));
        update(List.of(g), readyNode("r1"), readyNode("r2"), booting);
        assertThat(registry.upcomingNodes()).isEmpty();
        NodeCounts c = registry.groupStatus("ng").orElseThrow().counts();
        assertThat(c.longUnregistered()).isEqualTo(2);
        assertThat(c.unready()).isEqualTo(1);
    }

    @Test
    void requestedMachinesTheCloudDoesNotListYetAreUpcoming() {
        update(List.of(group("ng", 0, 10, 4, running("a"))), readyNode("a"));
        assertThat(registry.upcomingNodes()).containsEntry("ng", 3);
    }

    @Test
    void upcomingNeverNegativeWhenNodesExceedTheTarget() {
        update(
                List.of(group("ng", 0, 10, 1, running("a"), running("b"), creating("c"))),
                readyNode("a"),
                readyNode("b"));
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.groupStatus("ng").orElseThrow().counts().upcoming()).isZero();
    }

    @Test
    void backedOffGroupKeepsItsBootingMachinesUpcoming() {
        NodeGroupView g =
                kamateraGroup("ng", 0, 10, creating("m1"), failed("f", ErrorClass.OTHER, "X", "x"));
        update(List.of(g));
        assertThat(registry.backedOffGroups()).containsKey("ng");
        assertThat(registry.upcomingNodes()).containsEntry("ng", 1);
    }

    @Test
    void warmPoolNodesAreNeitherReadyNorUnready() {
        NodeGroupView g =
                kamateraGroup(
                        "ng",
                        0,
                        10,
                        running("a"),
                        running("b"),
                        stopped("p1"),
                        stopped("p2"),
                        stopped("p3"),
                        stopped("p4"),
                        stopped("p5"));
        update(
                List.of(g),
                readyNode("a"),
                readyNode("b"),
                unreadyNode("p1"),
                unreadyNode("p2"),
                unreadyNode("p3"),
                unreadyNode("p4"),
                unreadyNode("p5"));
        assertThat(registry.nodeCategories()).containsEntry("p1", NodeCategory.STOPPED);
        NodeCounts c = registry.groupStatus("ng").orElseThrow().counts();
        assertThat(c.unready()).isZero();
        assertThat(c.stopped()).isEqualTo(5);
        assertThat(c.registered()).isEqualTo(2);
        assertThat(c.unregistered()).isZero();
        assertThat(registry.upcomingNodes()).isEmpty();
        assertThat(registry.isClusterHealthy()).isTrue();

        // Without the stopped state the same five NotReady nodes make the cluster unhealthy.
        ClusterStateRegistry naive = new ClusterStateRegistry(ClusterStateConfig.DEFAULTS, clock);
        naive.update(
                ClusterView.of(
                        List.of(kamateraGroup("ng", 0, 10, running("a"), running("b"))),
                        List.of(
                                readyNode("a"),
                                readyNode("b"),
                                unreadyNode("p1"),
                                unreadyNode("p2"),
                                unreadyNode("p3"),
                                unreadyNode("p4"),
                                unreadyNode("p5"))));
        assertThat(naive.isClusterHealthy()).isFalse();
    }

    @Test
    void poweredOnPoolMachineGetsAFullStartupTime() {
        // The node object is a day old; its machine was stopped and is now being started again.
        Node old = unreadyNode("p");
        update(List.of(kamateraGroup("ng", 0, 5, stopped("p"))), old);
        clock.advance(Duration.ofMinutes(1));
        update(List.of(kamateraGroup("ng", 0, 5, creating("p"))), old);
        assertThat(registry.nodeCategories()).containsEntry("p", NodeCategory.NOT_STARTED);
        assertThat(registry.upcomingNodes()).containsEntry("ng", 1);
        clock.advance(Duration.ofMinutes(5));
        update(List.of(kamateraGroup("ng", 0, 5, running("p"))), old);
        assertThat(registry.nodeCategories()).containsEntry("p", NodeCategory.NOT_STARTED);
        clock.advance(Duration.ofMinutes(11));
        update(List.of(kamateraGroup("ng", 0, 5, running("p"))), old);
        assertThat(registry.nodeCategories()).containsEntry("p", NodeCategory.UNREADY);
    }

    @Test
    void nodeWithoutCreationTimeAgesFromWhenItWasFirstSeen() {
        Node n =
                Node.builder("n")
                        .providerId(Views.pid("n"))
                        .allocatable(readyNode("x").allocatable())
                        .ready(false)
                        .build();
        NodeGroupView g = kamateraGroup("ng", 0, 5, running("n"));
        update(List.of(g), n);
        assertThat(registry.nodeCategories()).containsEntry("n", NodeCategory.NOT_STARTED);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        update(List.of(g), n);
        assertThat(registry.nodeCategories()).containsEntry("n", NodeCategory.UNREADY);
    }
}
