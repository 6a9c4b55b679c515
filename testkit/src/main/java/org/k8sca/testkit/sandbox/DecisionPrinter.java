package org.k8sca.testkit.sandbox;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A loop observer that prints each decision once, as it happens: scale-ups with the pods they are
 * for, pods no node group can take (again only when the reason changes), scale-downs with the
 * node's group and why, finished deletions, failed loops; and every {@code summaryEvery} of virtual
 * time a summary of nodes and pods. It runs on the loop thread, like every observer.
 */
final class DecisionPrinter implements LoopObserver {
    /** Workloads named in one scale-up line before the rest are counted. */
    private static final int MAX_WORKLOADS_NAMED = 3;

    /** Pods named in one drain before the rest are counted. */
    private static final int MAX_PODS_NAMED = 3;

    private final Narrator narrator;
    private final Function<String, String> groupOfNode;
    private final Duration summaryEvery;

    private Instant now;
    private ClusterObjects objects = ClusterObjects.EMPTY;
    private ClusterStatus status;
    private long summariesPrinted;
    private String lastError = "";
    private final Map<String, String> unhelpedReasons = new HashMap<>();
    private final Set<String> deleting = new HashSet<>();
    private int scaleUps;
    private int scaleDowns;

    /**
     * @param narrator where the lines go
     * @param groupOfNode a node's group by node name ("?" when unknown)
     * @param summaryEvery how much virtual time between two summary lines
     */
    DecisionPrinter(
            Narrator narrator, Function<String, String> groupOfNode, Duration summaryEvery) {
        this.narrator = narrator;
        this.groupOfNode = groupOfNode;
        this.summaryEvery = summaryEvery;
    }

    /** How many node groups were resized up so far. */
    int scaleUps() {
        return scaleUps;
    }

    /** How many node deletions started so far. */
    int scaleDowns() {
        return scaleDowns;
    }

    @Override
    public void loopStarted(Instant now) {
        this.now = now;
    }

    @Override
    public void clusterObjects(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        this.status = status;
    }

    @Override
    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
        for (IncreaseAttempt attempt : executed) {
            String group = attempt.increase().nodeGroupId();
            switch (attempt.outcome()) {
                case SUCCEEDED -> {
                    scaleUps++;
                    narrator.line(
                            now,
                            "scale-up",
                            group
                                    + " +"
                                    + attempt.increase().delta()
                                    + " ("
                                    + attempt.increase().currentTarget()
                                    + " -> "
                                    + attempt.increase().newTarget()
                                    + " nodes, max "
                                    + attempt.increase().maxSize()
                                    + ") "
                                    + forWhom(result, group));
                }
                case FAILED -> narrator.line(now, "FAILED", attempt.message());
                case NOT_ATTEMPTED -> narrator.line(now, "skipped", attempt.message());
            }
        }
        printUnhelped(result);
    }

    /** "for web (5 pods), cache (1 pod)", or why there were no pods. */
    private static String forWhom(ScaleUpResult result, String group) {
        Map<String, Integer> byWorkload = new LinkedHashMap<>();
        for (PodOutcome p : result.podsWith(PodVerdict.TRIGGERS_SCALE_UP)) {
            if (p.target().equals(group)) {
                byWorkload.merge(workloadOf(p.podKey()), 1, Integer::sum);
            }
        }
        if (byWorkload.isEmpty()) {
            return "to reach its min size";
        }
        return "for " + countedNames(byWorkload, MAX_WORKLOADS_NAMED);
    }

    /**
     * Pods no group can take, grouped by workload and reason; each pod is printed again only when
     * its reason changes or after it was helped or gone in between.
     */
    private void printUnhelped(ScaleUpResult result) {
        Map<String, Map<String, Integer>> newByReason = new LinkedHashMap<>();
        Set<String> stillUnhelped = new HashSet<>();
        for (PodOutcome p : result.podsWith(PodVerdict.NOT_HELPED)) {
            stillUnhelped.add(p.podKey());
            String reason = p.message();
            if (!reason.equals(unhelpedReasons.put(p.podKey(), reason))) {
                newByReason
                        .computeIfAbsent(reason, r -> new LinkedHashMap<>())
                        .merge(workloadOf(p.podKey()), 1, Integer::sum);
            }
        }
        unhelpedReasons.keySet().retainAll(stillUnhelped);
        newByReason.forEach(
                (reason, workloads) ->
                        narrator.line(
                                now,
                                "no help",
                                countedNames(workloads, MAX_WORKLOADS_NAMED) + ": " + reason));
    }

    @Override
    public void scaleDown(ScaleDownPlan plan) {
        List<NodeRemoval> removals = new ArrayList<>(plan.deleteEmpty());
        removals.addAll(plan.drain());
        for (NodeRemoval removal : removals) {
            String node = removal.nodeName();
            if (!deleting.add(node)) {
                continue; // already announced; the actuator is still on it
            }
            scaleDowns++;
            narrator.line(
                    now,
                    "scale-down",
                    node
                            + " ("
                            + groupOfNode.apply(node)
                            + "): "
                            + why(plan.explanation(node), node)
                            + "; "
                            + whatMoves(removal));
        }
    }

    /** "unneeded since 00:11:10 (cpu 25%, mem 12%)". */
    private String why(Optional<NodeExplanation> explanation, String node) {
        StringBuilder sb = new StringBuilder("unneeded");
        explanation
                .map(NodeExplanation::unneededSince)
                .ifPresent(since -> sb.append(" since ").append(narrator.elapsed(since)));
        findNode(node)
                .ifPresent(
                        n -> {
                            long[] used = requestedOn(node);
                            sb.append(" (cpu ")
                                    .append(percent(used[0], n.allocatable().milliCpu()))
                                    .append(", mem ")
                                    .append(percent(used[1], n.allocatable().memoryBytes()))
                                    .append(" requested)");
                        });
        return sb.toString();
    }

    private static String whatMoves(NodeRemoval removal) {
        List<Pod> pods = removal.podsToMove();
        if (pods.isEmpty()) {
            return "empty, deleted without a drain";
        }
        List<String> names = new ArrayList<>();
        for (Pod p : pods) {
            if (names.size() == MAX_PODS_NAMED) {
                names.add("+" + (pods.size() - MAX_PODS_NAMED) + " more");
                break;
            }
            names.add(p.name());
        }
        return "drains "
                + pods.size()
                + (pods.size() == 1 ? " pod (" : " pods (")
                + String.join(", ", names)
                + ") to other nodes";
    }

    @Override
    public void deletionsFinished(List<DeletionResult> finished) {
        for (DeletionResult r : finished) {
            deleting.remove(r.nodeName());
            if (r.success()) {
                narrator.line(
                        now,
                        "removed",
                        r.nodeName() + " (" + r.groupId() + ")" + (r.empty() ? "" : ", drained"));
            } else {
                narrator.line(
                        now,
                        "FAILED",
                        "deleting " + r.nodeName() + " (" + r.groupId() + "): " + r.message());
            }
        }
    }

    @Override
    public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
        String message = error.map(e -> String.valueOf(e.getMessage())).orElse("");
        if (!message.isEmpty() && !message.equals(lastError)) {
            narrator.line(started, "FAILED", "the loop stopped early: " + message);
        }
        lastError = message;
        // At every whole multiple of summaryEvery since the start (the first loop after it).
        long due = narrator.since(started).dividedBy(summaryEvery);
        if (due > summariesPrinted) {
            narrator.line(started, "summary", summary());
            summariesPrinted = due;
        }
    }

    /** "nodes 4 (general 3, highmem 1); pods 17 running, 2 pending". */
    String summary() {
        StringBuilder sb = new StringBuilder("nodes ").append(objects.nodes().size());
        if (status != null) {
            List<String> groups = new ArrayList<>();
            for (NodeGroupStatus g : status.groups()) {
                groups.add(g.id() + " " + g.counts().registered());
            }
            sb.append(" (").append(String.join(", ", groups)).append(')');
        }
        int running = 0;
        int pending = 0;
        for (ObservedPod p : objects.pods()) {
            if (p.state() == SchedulingState.FINISHED) {
                continue;
            }
            if (p.state().placed()) {
                running++;
            } else {
                pending++;
            }
        }
        return sb.append("; pods ")
                .append(running)
                .append(" running, ")
                .append(pending)
                .append(" pending")
                .toString();
    }

    private Optional<Node> findNode(String name) {
        return objects.nodes().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Milli-cpu and memory bytes the unfinished pods bound to {@code node} request. */
    private long[] requestedOn(String node) {
        long[] used = new long[2];
        for (ObservedPod p : objects.pods()) {
            if (p.state() != SchedulingState.FINISHED && node.equals(p.pod().nodeName())) {
                used[0] += p.pod().requests().milliCpu();
                used[1] += p.pod().requests().memoryBytes();
            }
        }
        return used;
    }

    private static String percent(long used, long total) {
        return total <= 0 ? "?" : Math.round(100.0 * used / total) + "%";
    }

    /** The workload a pod belongs to, by the harness's naming: {@code <workload>-<n>}. */
    static String workloadOf(String podKey) {
        String name = podKey.substring(podKey.indexOf('/') + 1);
        int dash = name.lastIndexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }

    /** "web (5 pods), cache (1 pod), +2 more". */
    static String countedNames(Map<String, Integer> counts, int max) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (shown == max) {
                parts.add("+" + (counts.size() - max) + " more");
                break;
            }
            int n = e.getValue();
            parts.add(e.getKey() + " (" + n + (n == 1 ? " pod)" : " pods)"));
            shown++;
        }
        return String.join(", ", parts);
    }
}
