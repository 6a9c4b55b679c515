package org.k8sca.core.scaledown.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.simulation.NodeRemoval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class RemovalSelectorTest {

    private static final Duration LONG = Duration.ofMinutes(11);
    private static final NodeGroupView BIG =
            new NodeGroupView("g", 0, 100, 0, NodeGroupOptions.UPSTREAM_DEFAULTS);
    private static final SelectionLimits DEFAULT_LIMITS =
            new SelectionLimits(10, 1, 0, 0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0);

    private static SelectionCandidate empty(
            String name, NodeGroupView group, Duration unneededFor) {
        return candidate(node(name, 4000, 8).build(), List.of(), false, group, unneededFor);
    }

    private static SelectionCandidate toDrain(String name, boolean risky) {
        Pod p = rsPod("p-" + name, "web", 100, 100).build();
        return candidate(node(name, 4000, 8).build(), List.of(p), risky, BIG, LONG);
    }

    private static SelectionCandidate candidate(
            Node node, List<Pod> pods, boolean risky, NodeGroupView group, Duration unneededFor) {
        NodeDrain drain = new NodeDrain(pods, List.of(), List.of(), null, null);
        return new SelectionCandidate(
                node, new NodeRemoval(node.name(), drain, Map.of(), risky), group, unneededFor);
    }

    private static List<String> names(List<NodeRemoval> r) {
        return r.stream().map(NodeRemoval::nodeName).toList();
    }

    @Test
    void emptyNodesFirstWithinTheParallelismBudget() {
        List<SelectionCandidate> cs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            cs.add(empty(String.format("e%02d", i), BIG, LONG));
        }
        cs.add(0, toDrain("d1", false));
        Selection s = RemovalSelector.select(cs, DEFAULT_LIMITS);
        assertThat(s.empty()).hasSize(10);
        assertThat(s.drain()).isEmpty();
        assertThat(s.deferred()).hasSize(6).contains("d1");
    }

    @Test
    void drainsAreLimitedByTheDrainBudgetAndRiskyOnesGoLast() {
        Selection s =
                RemovalSelector.select(
                        List.of(toDrain("risky", true), toDrain("safe", false)), DEFAULT_LIMITS);
        assertThat(names(s.drain())).containsExactly("safe");
        assertThat(s.deferred()).containsExactly("risky");

        SelectionLimits two =
                new SelectionLimits(10, 2, 0, 0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0);
        assertThat(
                        names(
                                RemovalSelector.select(
                                                List.of(
                                                        toDrain("risky", true),
                                                        toDrain("safe", false)),
                                                two)
                                        .drain()))
                .containsExactly("safe", "risky");
    }

    @Test
    void inFlightDeletionsUseTheBudget() {
        SelectionLimits busy =
                new SelectionLimits(10, 1, 9, 1, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0);
        Selection s =
                RemovalSelector.select(
                        List.of(
                                toDrain("d", false),
                                empty("e1", BIG, LONG),
                                empty("e2", BIG, LONG)),
                        busy);
        assertThat(s.empty()).isEmpty();
        assertThat(s.drain()).isEmpty();
        assertThat(s.deferred()).containsExactlyInAnyOrder("d", "e1", "e2");
    }

    @Test
    void unneededTimeAndUnreadyTime() {
        Node unready = node("u", 4000, 8).ready(false).build();
        Selection s =
                RemovalSelector.select(
                        List.of(
                                empty("young", BIG, Duration.ofMinutes(9)),
                                candidate(unready, List.of(), false, BIG, Duration.ofMinutes(15)),
                                empty("old", BIG, Duration.ofMinutes(10))),
                        DEFAULT_LIMITS);
        assertThat(names(s.empty())).containsExactly("old");
        assertThat(s.kept().get("young").reason())
                .isEqualTo(UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH);
        assertThat(s.kept().get("u").reason()).isEqualTo(UnremovableReason.NOT_UNREADY_LONG_ENOUGH);
    }

    @Test
    void groupMinimumCountsDeletionsInProgressAndEarlierPicks() {
        NodeGroupView group =
                new NodeGroupView("small", 2, 5, 1, NodeGroupOptions.UPSTREAM_DEFAULTS);
        Selection s =
                RemovalSelector.select(
                        List.of(
                                empty("a", group, LONG),
                                empty("b", group, LONG),
                                empty("c", group, LONG)),
                        DEFAULT_LIMITS);
        // 5 target - 1 deleting = 4: two can go, the third would leave 1 < min 2.
        assertThat(names(s.empty())).containsExactly("a", "b");
        assertThat(s.kept().get("c").reason())
                .isEqualTo(UnremovableReason.NODE_GROUP_MIN_SIZE_REACHED);
    }

    @Test
    void clusterMinimumCores() {
        // Cluster of 3 x 4 cores with a minimum of 8 cores: only one node may go.
        SelectionLimits limits = new SelectionLimits(10, 1, 0, 0, 12000, 24L << 30, 8000, 0);
        Selection s =
                RemovalSelector.select(
                        List.of(empty("a", BIG, LONG), empty("b", BIG, LONG)), limits);
        assertThat(names(s.empty())).containsExactly("a");
        assertThat(s.kept().get("b").reason())
                .isEqualTo(UnremovableReason.MINIMAL_RESOURCE_LIMIT_EXCEEDED);
    }

    @Test
    void onCompletionPodsPostponeTheNode() {
        Pod job = rsPod("j", "web", 100, 100).build();
        NodeDrain drain = new NodeDrain(List.of(), List.of(), List.of(job), null, null);
        SelectionCandidate c =
                new SelectionCandidate(
                        node("n", 4000, 8).build(),
                        new NodeRemoval("n", drain, Map.of(), false),
                        BIG,
                        LONG);
        Selection s = RemovalSelector.select(List.of(c), DEFAULT_LIMITS);
        assertThat(s.empty()).isEmpty();
        assertThat(s.kept().get("n").reason())
                .isEqualTo(UnremovableReason.BLOCKED_BY_ON_COMPLETION_POD);
    }

    @Test
    void atomicGroupsGoWholeOrNotAtAll() {
        NodeGroupOptions zeroOrMax =
                new NodeGroupOptions(
                        0.5,
                        0.5,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(20),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        true,
                        false,
                        false);
        NodeGroupView atomic = new NodeGroupView("atomic", 0, 3, 0, zeroOrMax);
        // Two of three nodes unneeded: none goes.
        Selection partial =
                RemovalSelector.select(
                        List.of(empty("a1", atomic, LONG), empty("a2", atomic, LONG)),
                        DEFAULT_LIMITS);
        assertThat(partial.empty()).isEmpty();
        assertThat(partial.kept().get("a1").reason())
                .isEqualTo(UnremovableReason.ATOMIC_GROUP_NOT_FULLY_REMOVABLE);
        // All three, one of them still young: none goes.
        Selection young =
                RemovalSelector.select(
                        List.of(
                                empty("a1", atomic, LONG),
                                empty("a2", atomic, LONG),
                                empty("a3", atomic, Duration.ofMinutes(1))),
                        DEFAULT_LIMITS);
        assertThat(young.empty()).isEmpty();
        // All three ready: all go, even beyond a budget of 2.
        SelectionLimits small =
                new SelectionLimits(2, 1, 0, 0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0);
        Selection whole =
                RemovalSelector.select(
                        List.of(
                                empty("a1", atomic, LONG),
                                empty("a2", atomic, LONG),
                                empty("a3", atomic, LONG),
                                empty("r1", BIG, LONG)),
                        small);
        assertThat(names(whole.empty())).containsExactly("a1", "a2", "a3");
        assertThat(whole.deferred()).containsExactly("r1");
    }
}
