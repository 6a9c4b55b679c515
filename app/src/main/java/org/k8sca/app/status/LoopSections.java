package org.k8sca.app.status;

import org.k8sca.app.status.StatusModel.GroupRow;
import org.k8sca.app.status.StatusModel.GroupsSection;
import org.k8sca.app.status.StatusModel.NodeRow;
import org.k8sca.app.status.StatusModel.NodesSection;
import org.k8sca.app.status.StatusModel.PendingPodRow;
import org.k8sca.app.status.StatusModel.PendingSection;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.model.Node;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaleup.GroupOutcome;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Pure functions from what one loop reported (the core's results) to the page's sections. The texts
 * are the ones the events and the status ConfigMap use, so the page reads like them.
 */
final class LoopSections {

    private LoopSections() {}

    /**
     * The node groups from the cluster state, with what the scale-up plan made of each.
     *
     * @param plan this loop's scale-up plan, or null when the loop did not plan one
     */
    static GroupsSection groups(ClusterStatus status, ScaleUpResult plan, Instant asOf) {
        List<GroupRow> rows = new ArrayList<>();
        for (NodeGroupStatus g : status.groups()) {
            GroupOutcome outcome = plan == null ? null : plan.group(g.id());
            rows.add(
                    new GroupRow(
                            g.id(),
                            g.minSize(),
                            g.counts().registered(),
                            g.targetSize(),
                            g.maxSize(),
                            g.counts().ready(),
                            g.counts().upcoming(),
                            g.counts().stopped(),
                            g.health(),
                            g.scaleUp(),
                            g.request(),
                            g.backoff(),
                            lastPlan(outcome)));
        }
        return new GroupsSection(asOf, status.health(), status.scaleUp(), rows);
    }

    private static String lastPlan(GroupOutcome outcome) {
        if (outcome == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (outcome.skipped()) {
            parts.add("skipped: " + outcome.skipReason());
        }
        if (outcome.scaledUp()) {
            parts.add(
                    "planned "
                            + outcome.currentTarget()
                            + "->"
                            + outcome.newTarget()
                            + " (max: "
                            + outcome.maxSize()
                            + ")");
        }
        if (!outcome.note().isEmpty()) {
            parts.add(outcome.note());
        }
        return String.join("; ", parts);
    }

    /** The pods scale-up planning decided about, with its verdict and reasons per group. */
    static PendingSection pendingFromPlan(ScaleUpResult plan, Instant asOf) {
        List<PendingPodRow> rows = new ArrayList<>();
        for (PodOutcome pod : plan.pods()) {
            rows.add(
                    new PendingPodRow(
                            pod.podKey(),
                            verdict(pod.verdict()),
                            pod.target(),
                            message(pod),
                            pod.reasonsByGroup()));
        }
        String outcome =
                plan.status().name() + (plan.summary().isEmpty() ? "" : ": " + plan.summary());
        return new PendingSection(asOf, true, outcome, rows);
    }

    /**
     * The line the pod's event carries: NotTriggerScaleUp's text for a pod no group can take (the
     * same rule as the events observer), else the planner's message.
     */
    static String message(PodOutcome pod) {
        if (pod.verdict() == PodVerdict.NOT_HELPED && pod.message().isEmpty()) {
            return "pod didn't trigger scale-up: " + PodOutcome.aggregate(pod.reasonsByGroup());
        }
        return pod.message();
    }

    static String verdict(PodVerdict verdict) {
        return switch (verdict) {
            case IGNORED -> "ignored";
            case FITS_EXISTING_NODE -> "fits an existing node";
            case FITS_UPCOMING_NODE -> "fits an upcoming node";
            case WAITING -> "waiting for more pods";
            case TRIGGERS_SCALE_UP -> "triggers scale-up";
            case HELPED_LATER -> "helped in a later loop";
            case NOT_HELPED -> "no group can take it";
        };
    }

    /** The unschedulable pods of the view, for a loop that did not plan a scale-up. */
    static PendingSection pendingFromObjects(ClusterObjects objects, Instant asOf) {
        List<PendingPodRow> rows = new ArrayList<>();
        for (ObservedPod p : objects.podsIn(SchedulingState.UNSCHEDULABLE)) {
            rows.add(new PendingPodRow(p.key(), "not planned this loop", "", "", Map.of()));
        }
        return new PendingSection(asOf, false, "", rows);
    }

    /**
     * The nodes of the view and of the scale-down plan, by name.
     *
     * @param plan this loop's scale-down plan, or null when the loop did not plan one
     * @param groupOfNode a node's group by name
     * @param unneededTime {@code --scale-down-unneeded-time}, to tell when an unneeded node may go
     */
    static NodesSection nodes(
            ClusterObjects objects,
            ScaleDownPlan plan,
            Function<String, Optional<String>> groupOfNode,
            Optional<Duration> unneededTime,
            Instant asOf) {
        Map<String, Node> nodes = new TreeMap<>();
        for (Node n : objects.nodes()) {
            nodes.put(n.name(), n);
        }
        Map<String, NodeExplanation> explanations = new TreeMap<>();
        Set<String> removing = new HashSet<>();
        if (plan != null) {
            for (NodeExplanation e : plan.explanations()) {
                explanations.put(e.nodeName(), e);
            }
            if (plan.cooldown().isEmpty()) {
                plan.deleteEmpty().stream().map(NodeRemoval::nodeName).forEach(removing::add);
                plan.drain().stream().map(NodeRemoval::nodeName).forEach(removing::add);
            }
        }
        Set<String> names = new TreeSet<>(nodes.keySet());
        names.addAll(explanations.keySet());
        List<NodeRow> rows = new ArrayList<>();
        for (String name : names) {
            Node node = nodes.get(name);
            NodeExplanation e = explanations.get(name);
            Optional<Instant> since =
                    e == null ? Optional.empty() : Optional.ofNullable(e.unneededSince());
            rows.add(
                    new NodeRow(
                            name,
                            groupOfNode.apply(name).orElse(""),
                            node != null && node.ready(),
                            node != null && node.unschedulable(),
                            e == null ? Double.NaN : e.utilization(),
                            since,
                            unneededTime.flatMap(t -> since.map(s -> s.plus(t))),
                            removing.contains(name),
                            e == null ? "" : keptBecause(e)));
        }
        Optional<String> cooldown = plan == null ? Optional.empty() : plan.cooldown();
        return new NodesSection(asOf, plan != null, cooldown, rows);
    }

    /**
     * Upstream's reason, then the blocking pod and the planner's details, e.g. {@code BlockedByPod
     * (kube-system/dns: UnmovableKubeSystemPod)}; empty when nothing keeps the node.
     */
    static String keptBecause(NodeExplanation e) {
        if (e.reason() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(e.reason().upstreamName());
        if (e.blockingPod() != null) {
            text.append(" (").append(e.blockingPod());
            if (e.blockReason() != null) {
                text.append(": ").append(e.blockReason().upstreamName());
            }
            text.append(')');
        }
        if (!e.detail().isEmpty()) {
            text.append(" - ").append(e.detail());
        }
        return text.toString();
    }
}
