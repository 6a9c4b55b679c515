package org.k8sca.core.scaledown.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.scaledown.ScaleDownFixtures.controllers;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rs;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.scaledown.TestClock;
import org.k8sca.core.scaledown.drain.BlockReason;
import org.k8sca.core.scaledown.drain.DrainRuleOptions;
import org.k8sca.core.scaledown.drain.DrainRules;
import org.k8sca.core.scaledown.drain.PdbBudgets;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class RemovalSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private final DrainRules rules =
            new DrainRules(DrainRuleOptions.UPSTREAM_DEFAULTS, controllers(10, rs("web")), NOW);

    /** {@code nodes} nodes of 4 cpu / 8 GiB, each with two web pods of 400m / 800 MiB (20 %). */
    private static ClusterSnapshot fourNodesAtTwentyPercent(int nodes) {
        ClusterSnapshot s = new ClusterSnapshot();
        for (int i = 1; i <= nodes; i++) {
            s.addNode(node("n" + i, 4000, 8).build());
            for (int j = 0; j < 2; j++) {
                s.addPod(
                        rsPod("web-" + i + "-" + j, "web", 400, 800)
                                .labels(Labels.of("app", "web"))
                                .build(),
                        "n" + i);
            }
        }
        return s;
    }

    private static List<String> names(List<NodeRemoval> removals) {
        return removals.stream().map(NodeRemoval::nodeName).toList();
    }

    @Test
    void fourNodesAtTwentyPercentThatFitOnOneGiveExactlyThreeRemovals() {
        ClusterSnapshot s = fourNodesAtTwentyPercent(4);
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1", "n2", "n3", "n4"),
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                100);

        assertThat(names(r.removable())).containsExactly("n1", "n2", "n3");
        assertThat(r.unremovable())
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.nodeName()).isEqualTo("n4");
                            assertThat(u.reason())
                                    .isEqualTo(UnremovableReason.NO_PLACE_TO_MOVE_PODS);
                        });
        // Pods moved onto a node that is itself removed later move on with it; following the moves,
        // every pod of a removed node ends on a node that stays: removing all three together
        // strands nothing.
        Set<String> removed = new HashSet<>(names(r.removable()));
        Map<String, String> finalHome = new java.util.HashMap<>();
        for (NodeRemoval removal : r.removable()) {
            assertThat(removal.destinations()).hasSize(removal.podsToMove().size());
            finalHome.putAll(removal.destinations());
        }
        assertThat(finalHome).hasSize(6);
        assertThat(finalHome.values()).noneMatch(removed::contains);
    }

    @Test
    void theSnapshotIsLeftAsItWas() {
        ClusterSnapshot s = fourNodesAtTwentyPercent(4);
        new RemovalSimulator(new TestClock(NOW))
                .simulate(
                        s,
                        List.of("n1", "n2", "n3", "n4"),
                        Set.of(),
                        rules,
                        new PdbBudgets(List.of()),
                        BUDGET,
                        100);
        assertThat(s.nodeInfos())
                .extracting(NodeInfo::name)
                .containsExactly("n1", "n2", "n3", "n4");
        assertThat(s.nodeInfos()).allSatisfy(n -> assertThat(n.podCount()).isEqualTo(2));
        assertThat(s.forkDepth()).isZero();
    }

    @Test
    void podsNeverMoveToExcludedNodes() {
        ClusterSnapshot s = fourNodesAtTwentyPercent(2);
        s.addNode(node("deleting", 64000, 256).build());
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1", "n2"),
                                Set.of("deleting"),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                100);
        assertThat(names(r.removable())).containsExactly("n1");
        assertThat(r.removable().get(0).destinations().values()).containsOnly("n2");
    }

    @Test
    void aPdbAllowingOneDisruptionLetsOneNodeGoPerPass() {
        ClusterSnapshot s = new ClusterSnapshot();
        for (int i = 1; i <= 3; i++) {
            s.addNode(node("n" + i, 4000, 8).build());
        }
        s.addPod(rsPod("web-1", "web", 100, 100).labels(Labels.of("app", "web")).build(), "n1");
        s.addPod(rsPod("web-2", "web", 100, 100).labels(Labels.of("app", "web")).build(), "n2");
        PodDisruptionBudget pdb =
                new PodDisruptionBudget(
                        "default",
                        "web",
                        LabelSelector.of(Map.of("app", "web"), List.of()),
                        null,
                        null,
                        1);
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1", "n2"),
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of(pdb)),
                                BUDGET,
                                100);
        assertThat(names(r.removable())).containsExactly("n1");
        assertThat(r.unremovable())
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.nodeName()).isEqualTo("n2");
                            assertThat(u.reason()).isEqualTo(UnremovableReason.BLOCKED_BY_POD);
                            assertThat(u.blockReason()).isEqualTo(BlockReason.NOT_ENOUGH_PDB);
                            // web-1 was moved onto n2 by the first removal, and comes first by
                            // name.
                            assertThat(u.pod()).isEqualTo("default/web-1");
                        });
    }

    @Test
    void aNodeWhosePdbCoversMoreMovedPodsThanItAllowsIsRisky() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.addNode(node("n2", 4000, 8).build());
        s.addPod(rsPod("web-1", "web", 100, 100).labels(Labels.of("app", "web")).build(), "n1");
        s.addPod(rsPod("web-2", "web", 100, 100).labels(Labels.of("app", "web")).build(), "n1");
        PodDisruptionBudget pdb =
                new PodDisruptionBudget(
                        "default",
                        "web",
                        LabelSelector.of(Map.of("app", "web"), List.of()),
                        null,
                        null,
                        1);
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1"),
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of(pdb)),
                                BUDGET,
                                100);
        assertThat(r.removable()).singleElement().satisfies(n -> assertThat(n.risky()).isTrue());
    }

    @Test
    void aBlockingPodIsNamed() {
        ClusterSnapshot s = fourNodesAtTwentyPercent(2);
        s.addPod(org.k8sca.core.Fixtures.pod("orphan", 10, 10).build(), "n1");
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1"),
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                100);
        assertThat(r.unremovable())
                .singleElement()
                .isEqualTo(
                        new Unremovable(
                                "n1",
                                UnremovableReason.BLOCKED_BY_POD,
                                "default/orphan",
                                BlockReason.NOT_REPLICATED,
                                ""));
    }

    @Test
    void stopsAtTheLimitAndWhenTheTimeBudgetRunsOut() {
        ClusterSnapshot s = new ClusterSnapshot();
        List<String> candidates = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            s.addNode(node("n" + i, 4000, 8).build());
            candidates.add("n" + i);
        }
        SimulationResult limited =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                candidates,
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                2);
        assertThat(names(limited.removable())).containsExactly("n1", "n2");
        assertThat(limited.notEvaluated()).containsExactly("n3", "n4", "n5", "n6");
        assertThat(limited.timedOut()).isFalse();

        // Each read of this clock advances it by 10 s: the budget of 30 s allows the first
        // candidates only.
        Clock ticking =
                new Clock() {
                    private Instant t = NOW;

                    @Override
                    public Instant instant() {
                        Instant out = t;
                        t = t.plusSeconds(10);
                        return out;
                    }

                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }
                };
        SimulationResult timed =
                new RemovalSimulator(ticking)
                        .simulate(
                                s,
                                candidates,
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                100);
        assertThat(timed.timedOut()).isTrue();
        assertThat(timed.removable()).isNotEmpty();
        assertThat(timed.notEvaluated()).isNotEmpty();
        assertThat(timed.removable().size() + timed.notEvaluated().size()).isEqualTo(6);
    }

    @Test
    void podsAreMovedHighestPriorityFirst() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.addNode(node("n2", 1000, 8).build());
        Pod low = rsPod("low", "web", 800, 100).priority(0).build();
        Pod high = rsPod("high", "web", 800, 100).priority(1000).build();
        s.addPod(low, "n1");
        s.addPod(high, "n1");
        SimulationResult r =
                new RemovalSimulator(new TestClock(NOW))
                        .simulate(
                                s,
                                List.of("n1"),
                                Set.of(),
                                rules,
                                new PdbBudgets(List.of()),
                                BUDGET,
                                100);
        // Only one fits on n2; the failure names the low-priority pod, so the important one was
        // placed first.
        assertThat(r.unremovable())
                .singleElement()
                .satisfies(u -> assertThat(u.pod()).isEqualTo("default/low"));
    }
}
