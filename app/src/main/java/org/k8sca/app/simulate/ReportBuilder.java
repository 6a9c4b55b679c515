package org.k8sca.app.simulate;

import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the planners' results into the {@link SimulationReport} of docs/cli.md. A pure function.
 */
public final class ReportBuilder {

    /**
     * Reasons that only say "not yet": a node kept for one of them goes once its time has passed.
     */
    private static final Set<UnremovableReason> ONLY_TIME =
            Set.of(
                    UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH,
                    UnremovableReason.NOT_UNREADY_LONG_ENOUGH);

    private ReportBuilder() {}

    /**
     * @param time the simulation's "now"
     * @param scaleUp the scale-up plan, empty when the pass stopped before it
     * @param scaleDown the scale-down plan, empty when the pass stopped before it or scale-down is
     *     disabled
     * @param groupOfNode node name to its node group id; autoscaled nodes only
     * @param notes notes to pass on
     */
    public static SimulationReport build(
            Instant time,
            Optional<ScaleUpResult> scaleUp,
            Optional<ScaleDownPlan> scaleDown,
            Map<String, String> groupOfNode,
            List<String> notes) {
        SimulationReport.ScaleUp up =
                scaleUp.map(ReportBuilder::scaleUp)
                        .orElseGet(
                                () ->
                                        new SimulationReport.ScaleUp(
                                                "NOT_RUN", List.of(), List.of()));
        SimulationReport.ScaleDown down =
                scaleDown
                        .map(plan -> scaleDown(plan, groupOfNode))
                        .orElseGet(() -> new SimulationReport.ScaleDown(List.of(), List.of()));
        return new SimulationReport(time, up, down, notes);
    }

    static SimulationReport.ScaleUp scaleUp(ScaleUpResult result) {
        // Increases are ordered for execution; the report lists them by group name.
        Map<String, GroupIncrease> increases = new TreeMap<>();
        for (GroupIncrease i : result.increases()) {
            increases.put(i.nodeGroupId(), i);
        }
        Map<String, List<String>> podsByGroup = new LinkedHashMap<>();
        List<SimulationReport.UnhelpedPod> unhelped = new ArrayList<>();
        String firstGroup = increases.isEmpty() ? null : result.increases().get(0).nodeGroupId();
        for (PodOutcome pod : result.pods()) {
            if (pod.verdict() == PodVerdict.TRIGGERS_SCALE_UP && firstGroup != null) {
                // The pod's target is the group chosen for it; should that not be among the
                // increases, the first (chosen) increase is the one made for it.
                String group = increases.containsKey(pod.target()) ? pod.target() : firstGroup;
                podsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(pod.podKey());
            } else if (pod.verdict() == PodVerdict.NOT_HELPED
                    || pod.verdict() == PodVerdict.HELPED_LATER
                    || pod.verdict() == PodVerdict.TRIGGERS_SCALE_UP) {
                Map<String, String> reasons = new TreeMap<>();
                pod.reasonsByGroup()
                        .forEach((group, why) -> reasons.put(group, String.join(", ", why)));
                unhelped.add(new SimulationReport.UnhelpedPod(pod.podKey(), reasons));
            }
        }
        List<SimulationReport.GroupScaleUp> groups = new ArrayList<>();
        for (GroupIncrease i : increases.values()) {
            groups.add(
                    new SimulationReport.GroupScaleUp(
                            i.nodeGroupId(),
                            i.currentTarget(),
                            i.newTarget(),
                            i.maxSize(),
                            podsByGroup.getOrDefault(i.nodeGroupId(), List.of())));
        }
        return new SimulationReport.ScaleUp(result.status().name(), groups, unhelped);
    }

    static SimulationReport.ScaleDown scaleDown(
            ScaleDownPlan plan, Map<String, String> groupOfNode) {
        List<SimulationReport.UnneededNode> unneeded = new ArrayList<>();
        List<SimulationReport.UnremovableNode> unremovable = new ArrayList<>();
        for (NodeExplanation e : plan.explanations()) {
            String group = groupOfNode.getOrDefault(e.nodeName(), "");
            if (e.isUnneeded()
                    && (e.reason() == null || ONLY_TIME.contains(e.reason()))
                    && !group.isEmpty()) {
                unneeded.add(
                        new SimulationReport.UnneededNode(
                                e.nodeName(), group, utilization(e.utilization())));
            } else if (e.reason() != null) {
                unremovable.add(
                        new SimulationReport.UnremovableNode(
                                e.nodeName(), group, e.reason().upstreamName(), detail(e)));
            }
        }
        return new SimulationReport.ScaleDown(unneeded, unremovable);
    }

    /** The pod and why it blocks, then the planner's sentence. */
    private static String detail(NodeExplanation e) {
        StringBuilder sb = new StringBuilder();
        if (e.blockingPod() != null) {
            sb.append("pod ").append(e.blockingPod());
            if (e.blockReason() != null) {
                sb.append(": ").append(e.blockReason().upstreamName());
            }
        }
        if (!e.detail().isEmpty()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.detail());
        }
        return sb.toString();
    }

    /** Rounded to 3 decimals, which is what a person reads; NaN (not computed) becomes null. */
    private static Double utilization(double u) {
        if (Double.isNaN(u) || Double.isInfinite(u)) {
            return null;
        }
        return Math.round(u * 1000) / 1000.0;
    }
}
