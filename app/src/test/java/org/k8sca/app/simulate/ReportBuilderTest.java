package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.drain.BlockReason;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.GroupOutcome;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ReportBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static PodOutcome pod(
            String key, PodVerdict verdict, String target, Map<String, List<String>> reasons) {
        return new PodOutcome(key, "uid-" + key, verdict, target, "", reasons);
    }

    private static ScaleDownPlan plan(NodeExplanation... explanations) {
        return new ScaleDownPlan(
                List.of(explanations),
                List.of(),
                List.of(),
                SoftTaintPlan.NONE,
                Optional.empty(),
                false);
    }

    @Test
    void eachPodThatTriggersAScaleUpIsListedUnderItsOwnGroupAndBalancedSiblingsListNone() {
        ScaleUpResult result =
                new ScaleUpResult(
                        ScaleUpStatus.SCALE_UP,
                        "",
                        List.of(
                                pod("shop/b", PodVerdict.TRIGGERS_SCALE_UP, "ng-a", null),
                                pod("shop/a", PodVerdict.TRIGGERS_SCALE_UP, "ng-a", null),
                                pod("shop/fits", PodVerdict.FITS_EXISTING_NODE, "node-1", null)),
                        List.of(
                                new GroupOutcome("ng-a", 1, 3, 5, 2, "", ""),
                                new GroupOutcome("ng-b", 1, 2, 5, 1, "", "")),
                        // Increases come in execution order; the report lists groups by name.
                        List.of(
                                new GroupIncrease("ng-b", 1, 2, 5),
                                new GroupIncrease("ng-a", 1, 3, 5)),
                        null,
                        List.of());

        SimulationReport.ScaleUp up = ReportBuilder.scaleUp(result);

        assertThat(up.nodeGroups())
                .extracting(SimulationReport.GroupScaleUp::nodeGroup)
                .containsExactly("ng-a", "ng-b");
        assertThat(up.nodeGroups().get(0).pods()).containsExactly("shop/a", "shop/b");
        assertThat(up.nodeGroups().get(0).newSize()).isEqualTo(3);
        assertThat(up.nodeGroups().get(1).pods()).isEmpty();
        assertThat(up.podsRemainUnschedulable()).isEmpty();
    }

    @Test
    void podsNotHelpedOrHelpedOnlyLaterRemainUnschedulableWithTheirReasonsJoinedPerGroup() {
        ScaleUpResult result =
                new ScaleUpResult(
                        ScaleUpStatus.SCALE_UP,
                        "",
                        List.of(
                                pod(
                                        "shop/huge",
                                        PodVerdict.NOT_HELPED,
                                        "",
                                        Map.of(
                                                "ng-a",
                                                List.of("Insufficient cpu", "Insufficient memory"),
                                                "ng-b",
                                                List.of("max node group size reached"))),
                                pod(
                                        "shop/later",
                                        PodVerdict.HELPED_LATER,
                                        "",
                                        Map.of("ng-a", List.of("node(s) didn't match"))),
                                pod("shop/web", PodVerdict.TRIGGERS_SCALE_UP, "ng-b", null)),
                        List.of(),
                        List.of(new GroupIncrease("ng-b", 0, 1, 3)),
                        null,
                        List.of());

        SimulationReport.ScaleUp up = ReportBuilder.scaleUp(result);

        assertThat(up.podsRemainUnschedulable())
                .extracting(SimulationReport.UnhelpedPod::pod)
                .containsExactly("shop/huge", "shop/later");
        assertThat(up.podsRemainUnschedulable().get(0).reasons())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "ng-a",
                                "Insufficient cpu, Insufficient memory",
                                "ng-b",
                                "max node group size reached"));
    }

    @Test
    void nodesKeptOnlyByTheirTimerCountAsUnneededOtherReasonsAsUnremovable() {
        ScaleDownPlan plan =
                plan(
                        NodeExplanation.unneeded("n-free", NOW, 0.2),
                        NodeExplanation.unneededButKept(
                                "n-waiting",
                                NOW,
                                UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH,
                                0.3,
                                ""),
                        NodeExplanation.unneededButKept(
                                "n-min",
                                NOW,
                                UnremovableReason.NODE_GROUP_MIN_SIZE_REACHED,
                                0.1,
                                "group ng would have 0 nodes, minimum 1"),
                        NodeExplanation.blocked(
                                "n-blocked",
                                UnremovableReason.BLOCKED_BY_POD,
                                "kube-system/dns",
                                BlockReason.UNMOVABLE_KUBE_SYSTEM_POD,
                                0.05,
                                ""),
                        NodeExplanation.kept(
                                "n-foreign", UnremovableReason.NOT_AUTOSCALED, Double.NaN, ""));
        Map<String, String> groups =
                Map.of("n-free", "ng", "n-waiting", "ng", "n-min", "ng", "n-blocked", "ng");

        SimulationReport.ScaleDown down = ReportBuilder.scaleDown(plan, groups);

        assertThat(down.unneeded())
                .extracting(SimulationReport.UnneededNode::node)
                .containsExactly("n-free", "n-waiting");
        assertThat(down.unneeded().get(0).utilization()).isEqualTo(0.2);
        assertThat(down.unremovable())
                .extracting(
                        SimulationReport.UnremovableNode::node,
                        SimulationReport.UnremovableNode::reason,
                        SimulationReport.UnremovableNode::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "n-blocked",
                                "BlockedByPod",
                                "pod kube-system/dns: UnmovableKubeSystemPod"),
                        org.assertj.core.groups.Tuple.tuple("n-foreign", "NotAutoscaled", ""),
                        org.assertj.core.groups.Tuple.tuple(
                                "n-min",
                                "NodeGroupMinSizeReached",
                                "group ng would have 0 nodes, minimum 1"));
        assertThat(down.unremovable().get(1).nodeGroup()).isEmpty();
    }

    @Test
    void utilizationIsRoundedAndAnUncomputedOneIsNull() {
        ScaleDownPlan plan =
                plan(
                        NodeExplanation.unneeded("a", NOW, 0.123456),
                        NodeExplanation.unneeded("b", NOW, Double.NaN));

        SimulationReport.ScaleDown down =
                ReportBuilder.scaleDown(plan, Map.of("a", "ng", "b", "ng"));

        assertThat(down.unneeded().get(0).utilization()).isEqualTo(0.123);
        assertThat(down.unneeded().get(1).utilization()).isNull();
    }

    @Test
    void aPassThatStoppedBeforePlanningReportsNotRunAndNothingElse() {
        SimulationReport report =
                ReportBuilder.build(
                        NOW,
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(),
                        List.of("planning stopped: cluster is unhealthy"));

        assertThat(report.scaleUp().status()).isEqualTo("NOT_RUN");
        assertThat(report.scaleUp().nodeGroups()).isEmpty();
        assertThat(report.scaleDown().unneeded()).isEmpty();
        assertThat(ReportRenderer.json(report))
                .contains("\"NOT_RUN\"")
                .contains("cluster is unhealthy");
    }
}
