package org.k8sca.core.estimator;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.scheduling.PredicateFailure;
import org.k8sca.core.scheduling.Reasons;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.NodeTemplates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates how many new nodes of a group the pending pods need. It packs the pods twice, on
 * simulated copies of the group's template, and keeps the better answer:
 *
 * <ol>
 *   <li>the way upstream's binpacking estimator does: largest pod groups first, each pod first on
 *       the new nodes already added, then on a fresh copy of the template (first fit);
 *   <li>only when that used more nodes than a lower bound proves necessary ({@link LowerBound}):
 *       node by node, each time taking the pod that best matches the room left ({@link
 *       NodeByNodeFill}). Its answer replaces the first when it needs fewer nodes and leaves no pod
 *       group with fewer of its pods helped.
 * </ol>
 *
 * <p>So the estimate is never larger than upstream's and every placement in it passed the same
 * scheduler predicates. Both packings share the time budget; if it runs out during the second, the
 * first answer stands.
 *
 * <p>Works on forks of the snapshot and reverts them, so the snapshot is unchanged afterwards.
 */
public final class BinpackingEstimator {

    private static final String HOSTNAME = NodeTemplates.HOSTNAME_LABEL;

    private final Clock clock;
    private final boolean improve;

    public BinpackingEstimator(Clock clock) {
        this(clock, true);
    }

    /**
     * Upstream's first fit alone, without the second packing: for benchmarks and tests that compare
     * the two. The autoscaler uses {@link #BinpackingEstimator(Clock)}.
     */
    public static BinpackingEstimator firstFitOnly(Clock clock) {
        return new BinpackingEstimator(clock, false);
    }

    BinpackingEstimator(Clock clock, boolean improve) {
        this.clock = clock;
        this.improve = improve;
    }

    /**
     * @param checker a checker over the snapshot to simulate in (pods that fit existing nodes must
     *     already have been removed from {@code podGroups}: this only adds new nodes)
     * @param nodeGroupId the group, used to name the simulated nodes
     * @param template what a new node of the group looks like
     * @param podGroups the pods that passed the predicate check on the template
     */
    public Estimate estimate(
            PredicateChecker checker,
            String nodeGroupId,
            NodeTemplate template,
            List<PodGroup> podGroups,
            EstimationLimits limits) {
        ClusterSnapshot snapshot = checker.snapshot();
        Instant deadline = clock.instant().plus(limits.maxDuration());
        List<PodGroup> sorted = bySizeDescending(podGroups, template.node());
        List<Pod> allPods = new ArrayList<>();
        for (PodGroup g : podGroups) {
            allPods.addAll(g.pods());
        }
        Estimate firstFit;
        snapshot.fork();
        try {
            Run run = new Run(checker, nodeGroupId, template, limits.maxNodes(), deadline);
            for (PodGroup group : sorted) {
                if (!run.placeGroup(group)) {
                    break;
                }
            }
            firstFit = run.result(allPods);
        } finally {
            snapshot.revert();
        }
        if (!improve || firstFit.nodeCount() <= LowerBound.nodes(firstFit.helpedPods(), template)) {
            return firstFit;
        }
        snapshot.fork();
        try {
            Optional<Estimate> filled =
                    new NodeByNodeFill(
                                    clock,
                                    checker,
                                    nodeGroupId,
                                    template,
                                    limits.maxNodes(),
                                    deadline)
                            .pack(sorted);
            return filled.filter(f -> better(f, firstFit, sorted)).orElse(firstFit);
        } finally {
            snapshot.revert();
        }
    }

    /**
     * Whether {@code candidate} beats {@code current}: fewer nodes, and at least as many pods of
     * every group helped (so no workload loses out to the better count).
     */
    static boolean better(Estimate candidate, Estimate current, List<PodGroup> groups) {
        if (candidate.nodeCount() >= current.nodeCount()) {
            return false;
        }
        Set<String> inCandidate = new HashSet<>();
        for (PodPlacement p : candidate.placements()) {
            inCandidate.add(p.pod().uid());
        }
        Set<String> inCurrent = new HashSet<>();
        for (PodPlacement p : current.placements()) {
            inCurrent.add(p.pod().uid());
        }
        for (PodGroup g : groups) {
            int a = 0;
            int b = 0;
            for (Pod p : g.pods()) {
                a += inCandidate.contains(p.uid()) ? 1 : 0;
                b += inCurrent.contains(p.uid()) ? 1 : 0;
            }
            if (a < b) {
                return false;
            }
        }
        return true;
    }

    /**
     * Largest groups first; the score is the exemplar's share of the template's CPU plus memory.
     */
    static List<PodGroup> bySizeDescending(List<PodGroup> groups, Node template) {
        Resources alloc = template.allocatable();
        List<PodGroup> sorted = new ArrayList<>(groups);
        sorted.sort(
                Comparator.comparingDouble((PodGroup g) -> score(g.exemplar().requests(), alloc))
                        .reversed());
        return sorted;
    }

    private static double score(Resources r, Resources alloc) {
        double cpu = alloc.milliCpu() > 0 ? (double) r.milliCpu() / alloc.milliCpu() : 0;
        double mem = alloc.memoryBytes() > 0 ? (double) r.memoryBytes() / alloc.memoryBytes() : 0;
        return cpu + mem;
    }

    /** The state of one estimate. */
    private final class Run {
        private final PredicateChecker checker;
        private final ClusterSnapshot snapshot;
        private final String nodeGroupId;
        private final NodeTemplate template;
        private final int maxNodes;
        private final Instant deadline;

        private final List<String> newNodes = new ArrayList<>();
        private final Set<String> nodesWithPendingPods = new HashSet<>();
        private final List<PodPlacement> placements = new ArrayList<>();
        private String stopReason = "";

        /** Set when this group's pods cannot go anywhere new; later groups may still fit. */
        private boolean groupBlocked;

        Run(
                PredicateChecker checker,
                String nodeGroupId,
                NodeTemplate template,
                int maxNodes,
                Instant deadline) {
            this.checker = checker;
            this.snapshot = checker.snapshot();
            this.nodeGroupId = nodeGroupId;
            this.template = template;
            this.maxNodes = maxNodes;
            this.deadline = deadline;
        }

        /** Places the pods of one group; false when the whole estimate must stop. */
        boolean placeGroup(PodGroup group) {
            groupBlocked = false;
            List<Pod> pods = group.pods();
            int i = 0;
            // First fill the new nodes added for earlier groups.
            while (i < pods.size() && !newNodes.isEmpty()) {
                String node = firstNewNodeThatFits(pods.get(i));
                if (node == null) {
                    break;
                }
                place(pods.get(i), node);
                i++;
            }
            for (; i < pods.size(); i++) {
                Pod pod = pods.get(i);
                if (!clock.instant().isBefore(deadline)) {
                    stop("binpacking time budget ran out");
                    return false;
                }
                if (groupBlocked) {
                    continue;
                }
                if (!placeOnNewNodes(pod)) {
                    return false;
                }
            }
            return true;
        }

        /** Returns false when a node limit stops the estimate. */
        private boolean placeOnNewNodes(Pod pod) {
            String last = newNodes.isEmpty() ? null : newNodes.get(newNodes.size() - 1);
            if (last != null) {
                Optional<PredicateFailure> failure = checker.checkOnNode(pod, last);
                if (failure.isEmpty()) {
                    place(pod, last);
                    return true;
                }
                if (Reasons.POD_TOPOLOGY_SPREAD.equals(failure.get().plugin())
                        && spreadsOnHostname(pod)) {
                    String other = firstNewNodeThatFits(pod);
                    if (other != null) {
                        place(pod, other);
                        return true;
                    }
                } else if (!nodesWithPendingPods.contains(last)) {
                    // Even an empty new node rejected it, so another one would too.
                    blockGroup(pod, failure.get());
                    return true;
                }
            }
            if (newNodes.size() >= maxNodes) {
                stop(
                        maxNodes <= 0
                                ? "no new node of this group is allowed (node limits)"
                                : "reached the limit of "
                                        + maxNodes
                                        + " new node(s) for this scale-up");
                return false;
            }
            String name = NodeTemplates.templateName(nodeGroupId) + "-e-" + newNodes.size();
            NodeTemplate copy = NodeTemplates.copy(template, name, false);
            snapshot.addNode(copy.node(), copy.pods());
            newNodes.add(name);
            Optional<PredicateFailure> failure = checker.checkOnNode(pod, name);
            if (failure.isEmpty()) {
                place(pod, name);
            } else {
                blockGroup(pod, failure.get());
            }
            return true;
        }

        private String firstNewNodeThatFits(Pod pod) {
            for (String node : newNodes) {
                if (checker.checkOnNode(pod, node).isEmpty()) {
                    return node;
                }
            }
            return null;
        }

        private void place(Pod pod, String node) {
            snapshot.addPod(pod, node);
            nodesWithPendingPods.add(node);
            placements.add(new PodPlacement(pod, node));
        }

        private void blockGroup(Pod pod, PredicateFailure failure) {
            groupBlocked = true;
            if (stopReason.isEmpty()) {
                stopReason =
                        "pod "
                                + pod.key()
                                + " does not fit an empty new node: "
                                + failure.message();
            }
        }

        private void stop(String reason) {
            stopReason = reason;
        }

        Estimate result(List<Pod> allPods) {
            Set<String> placed = new HashSet<>();
            for (PodPlacement p : placements) {
                placed.add(p.pod().uid());
            }
            List<Pod> unplaced = new ArrayList<>();
            for (Pod p : allPods) {
                if (!placed.contains(p.uid())) {
                    unplaced.add(p);
                }
            }
            List<Node> used = new ArrayList<>();
            for (String name : newNodes) {
                if (nodesWithPendingPods.contains(name)) {
                    used.add(snapshot.nodeInfo(name).node());
                }
            }
            return new Estimate(nodeGroupId, used, placements, unplaced, stopReason);
        }
    }

    private static boolean spreadsOnHostname(Pod pod) {
        for (TopologySpreadConstraint c : pod.spreadConstraints()) {
            if (c.doNotSchedule() && HOSTNAME.equals(c.topologyKey())) {
                return true;
            }
        }
        return false;
    }
}
