package org.k8sca.core.scaledown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.scaledown.ScaleDownFixtures.controllers;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rs;
import static org.k8sca.core.scaledown.ScaleDownFixtures.rsPod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.cloud.ResourceLimits;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.PodDisruptionBudget;
import org.k8sca.core.scaledown.drain.BlockReason;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.selection.NodeGroupView;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;
import org.k8sca.core.scaledown.unneeded.Cooldown;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ScaleDownPlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private final TestClock clock = new TestClock(T0);

    /** A cluster: busy node "big" (70 %), and "small" with one 100m web pod. */
    private static ClusterSnapshot twoNodes(Node small) {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("big", 4000, 8).build());
        s.addPod(rsPod("busy", "web", 2800, 100).build(), "big");
        s.addNode(small);
        s.addPod(
                rsPod("light", "web", 100, 100).labels(Labels.of("app", "web")).build(),
                small.name());
        return s;
    }

    private static ScaleDownInput input(
            ClusterSnapshot s, Cooldown cooldown, List<PodDisruptionBudget> pdbs, int minSize) {
        Map<String, String> groupOf = new HashMap<>();
        for (NodeInfo n : s.nodeInfos()) {
            if (!n.name().startsWith("control")) {
                groupOf.put(n.name(), "g");
            }
        }
        NodeGroupView g =
                new NodeGroupView(
                        "g", minSize, groupOf.size(), 0, NodeGroupOptions.UPSTREAM_DEFAULTS);
        return new ScaleDownInput(
                s,
                groupOf,
                Map.of("g", g),
                Set.of(),
                pdbs,
                controllers(5, rs("web")),
                cooldown,
                0,
                0,
                ResourceLimits.UNLIMITED,
                "");
    }

    private static ScaleDownInput input(ClusterSnapshot s) {
        return input(s, Cooldown.NONE, List.of(), 0);
    }

    private static List<String> names(List<NodeRemoval> r) {
        return r.stream().map(NodeRemoval::nodeName).toList();
    }

    @Test
    void aNodeIsPickedOnlyAfterTheUnneededTime() {
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());

        ScaleDownPlan first = planner.plan(input(s));
        assertThat(first.unneededNodes()).containsExactly("small");
        assertThat(first.drain()).isEmpty();
        assertThat(first.explanation("small").get().reason())
                .isEqualTo(UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH);
        assertThat(first.explanation("big").get().reason())
                .isEqualTo(UnremovableReason.NOT_UNDERUTILIZED);

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(planner.plan(input(s)).drain()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        ScaleDownPlan ready = planner.plan(input(s));
        assertThat(names(ready.drain())).containsExactly("small");
        assertThat(ready.explanation("small").get())
                .isEqualTo(
                        NodeExplanation.unneeded(
                                "small", T0, ready.explanation("small").get().utilization()));
        // The planner leaves the caller's snapshot untouched.
        assertThat(s.nodeInfo("small").podCount()).isEqualTo(1);
        assertThat(s.forkDepth()).isZero();
    }

    @Test
    void aNodeThatBecomesNeededLosesItsTimer() {
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());
        planner.plan(input(s));
        clock.advance(Duration.ofMinutes(5));
        s.addPod(rsPod("heavy", "web", 3000, 100).build(), "small");
        assertThat(planner.plan(input(s)).unneededNodes()).isEmpty();
        s.removePod("uid-heavy");
        clock.advance(Duration.ofMinutes(6));
        ScaleDownPlan again = planner.plan(input(s));
        assertThat(again.explanation("small").get().unneededSince()).isEqualTo(clock.instant());
        assertThat(again.drain()).isEmpty();
    }

    @Test
    void noDeletionsInCooldownButTheUnneededListIsKept() {
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());
        planner.plan(input(s));
        clock.advance(Duration.ofMinutes(11));
        Cooldown scaledUp = new Cooldown(T0.plus(Duration.ofMinutes(5)), null, null, false);
        ScaleDownPlan plan = planner.plan(input(s, scaledUp, List.of(), 0));
        assertThat(plan.cooldown()).isPresent();
        assertThat(plan.drain()).isEmpty();
        assertThat(plan.explanation("small").get().unneededSince()).isEqualTo(T0);
        clock.advance(Duration.ofMinutes(4));
        assertThat(names(planner.plan(input(s, scaledUp, List.of(), 0)).drain()))
                .containsExactly("small");
    }

    @Test
    void restartRecoversTimersFromTheSoftTaint() {
        ScaleDownOptions withTtl =
                ScaleDownOptions.DEFAULTS.toBuilder()
                        .nodeDeletionCandidateTtl(Duration.ofMinutes(30))
                        .build();
        // A node unneeded since T0 got the soft taint; the autoscaler restarts at T0 + 8 min.
        ScaleDownPlanner before = new ScaleDownPlanner(withTtl, clock);
        ScaleDownPlan firstPlan = before.plan(input(twoNodes(node("small", 4000, 8).build())));
        assertThat(firstPlan.softTaints().taint()).containsEntry("small", T0);
        Node tainted =
                node("small", 4000, 8)
                        .taints(List.of(ScaleDownTaints.deletionCandidate(T0)))
                        .build();

        clock.advance(Duration.ofMinutes(8));
        ScaleDownPlanner restarted = new ScaleDownPlanner(withTtl, clock);
        ClusterSnapshot s = twoNodes(tainted);
        ScaleDownPlan plan = restarted.plan(input(s));
        assertThat(plan.explanation("small").get().unneededSince()).isEqualTo(T0);
        assertThat(plan.drain()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(names(restarted.plan(input(s)).drain())).containsExactly("small");

        // Without the TTL a restart starts the timer again.
        ScaleDownPlanner forgetful = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        assertThat(forgetful.plan(input(s)).explanation("small").get().unneededSince())
                .isEqualTo(clock.instant());
    }

    @Test
    void aPdbAllowingOneDisruptionRemovesOneNodeAtATime() {
        ClusterSnapshot s = new ClusterSnapshot();
        for (String n : List.of("a", "b", "c")) {
            s.addNode(node(n, 4000, 8).build());
        }
        s.addPod(rsPod("web-a", "web", 100, 100).labels(Labels.of("app", "web")).build(), "a");
        s.addPod(rsPod("web-b", "web", 100, 100).labels(Labels.of("app", "web")).build(), "b");
        s.addPod(rsPod("other", "web", 2500, 100).build(), "c");
        PodDisruptionBudget pdb =
                new PodDisruptionBudget(
                        "default",
                        "web",
                        LabelSelector.of(Map.of("app", "web"), List.of()),
                        null,
                        null,
                        1);
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        ScaleDownPlan plan = planner.plan(input(s, Cooldown.NONE, List.of(pdb), 0));
        assertThat(plan.unneededNodes()).containsExactly("a");
        NodeExplanation b = plan.explanation("b").get();
        assertThat(b.reason()).isEqualTo(UnremovableReason.BLOCKED_BY_POD);
        assertThat(b.blockReason()).isEqualTo(BlockReason.NOT_ENOUGH_PDB);
        // Remembered until the recheck timeout, with the original reason.
        clock.advance(Duration.ofMinutes(1));
        NodeExplanation later =
                planner.plan(input(s, Cooldown.NONE, List.of(pdb), 0)).explanation("b").get();
        assertThat(later.reason()).isEqualTo(UnremovableReason.RECENTLY_UNREMOVABLE);
        assertThat(later.blockReason()).isEqualTo(BlockReason.NOT_ENOUGH_PDB);
    }

    @Test
    void fourNodesAtTwentyPercentGiveThreeUnneededNodesDrainedOneAtATime() {
        ClusterSnapshot s = new ClusterSnapshot();
        for (int i = 1; i <= 4; i++) {
            s.addNode(node("n" + i, 4000, 8).build());
            s.addPod(rsPod("p" + i + "a", "web", 400, 800).build(), "n" + i);
            s.addPod(rsPod("p" + i + "b", "web", 400, 800).build(), "n" + i);
        }
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        assertThat(planner.plan(input(s)).unneededNodes()).hasSize(3);
        clock.advance(Duration.ofMinutes(10));
        ScaleDownPlan plan = planner.plan(input(s));
        assertThat(plan.unneededNodes()).hasSize(3);
        assertThat(plan.drain()).hasSize(1);
    }

    @Test
    void groupMinimumAndExplanationsForEveryNode() {
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());
        s.addNode(node("control-1", 4000, 8).build());
        s.addNode(
                node("keep-me", 4000, 8)
                        .annotations(
                                Map.of(
                                        "cluster-autoscaler.kubernetes.io/scale-down-disabled",
                                        "true"))
                        .build());
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        planner.plan(input(s, Cooldown.NONE, List.of(), 3));
        clock.advance(Duration.ofMinutes(10));
        ScaleDownPlan plan = planner.plan(input(s, Cooldown.NONE, List.of(), 3));
        assertThat(plan.explanations())
                .extracting(NodeExplanation::nodeName)
                .containsExactly("big", "control-1", "keep-me", "small");
        assertThat(plan.explanation("control-1").get().reason())
                .isEqualTo(UnremovableReason.NOT_AUTOSCALED);
        assertThat(plan.explanation("keep-me").get().reason())
                .isEqualTo(UnremovableReason.SCALE_DOWN_DISABLED_ANNOTATION);
        // Group g has 3 nodes (big, small, keep-me) and min 3.
        assertThat(plan.explanation("small").get().reason())
                .isEqualTo(UnremovableReason.NODE_GROUP_MIN_SIZE_REACHED);
        assertThat(plan.explanation("small").get().isUnneeded()).isTrue();
        assertThat(plan.drain()).isEmpty();
    }

    @Test
    void nodesBeingDeletedAreNeitherCandidatesNorDestinations() {
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());
        s.addNode(node("going", 64000, 64).build());
        ScaleDownInput base = input(s);
        ScaleDownInput in =
                new ScaleDownInput(
                        s,
                        base.groupOfNode(),
                        base.groups(),
                        Set.of("going", "big"),
                        List.of(),
                        base.controllers(),
                        Cooldown.NONE,
                        0,
                        1,
                        ResourceLimits.UNLIMITED,
                        "");
        s.addNode(
                node("phantom", 64000, 64)
                        .annotations(Map.of(ScaleDownPlanner.UPCOMING_NODE_ANNOTATION, "true"))
                        .build());
        ScaleDownPlan plan = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock).plan(in);
        assertThat(plan.explanation("going").get().reason())
                .isEqualTo(UnremovableReason.CURRENTLY_BEING_DELETED);
        assertThat(plan.explanation("phantom")).isEmpty();
        // small's pod could only go to "big" or "going", both being deleted, or to an upcoming
        // phantom node.
        assertThat(plan.explanation("small").get().reason())
                .isEqualTo(UnremovableReason.NO_PLACE_TO_MOVE_PODS);
    }

    @Test
    void perGroupUnneededTimeAndClusterMinimumCores() {
        ClusterSnapshot s = twoNodes(node("small", 4000, 8).build());
        NodeGroupOptions fast =
                new NodeGroupOptions(
                        0.5,
                        0.5,
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(20),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        false,
                        false,
                        false);
        NodeGroupView batch = new NodeGroupView("batch", 0, 2, 0, fast);
        ScaleDownInput in =
                new ScaleDownInput(
                        s,
                        Map.of("big", "batch", "small", "batch"),
                        Map.of("batch", batch),
                        Set.of(),
                        List.of(),
                        controllers(5, rs("web")),
                        Cooldown.NONE,
                        0,
                        0,
                        ResourceLimits.UNLIMITED,
                        "");
        ScaleDownPlanner planner = new ScaleDownPlanner(ScaleDownOptions.DEFAULTS, clock);
        planner.plan(in);
        clock.advance(Duration.ofMinutes(2));
        assertThat(names(planner.plan(in).drain())).containsExactly("small");

        // --cores-total=8:... keeps both 4-core nodes.
        ScaleDownPlanner limited =
                new ScaleDownPlanner(
                        ScaleDownOptions.DEFAULTS.toBuilder().minCoresTotal(8).build(), clock);
        limited.plan(in);
        clock.advance(Duration.ofMinutes(2));
        ScaleDownPlan plan = limited.plan(in);
        assertThat(plan.drain()).isEmpty();
        assertThat(plan.explanation("small").get().reason())
                .isEqualTo(UnremovableReason.MINIMAL_RESOURCE_LIMIT_EXCEEDED);
    }
}
