package org.k8sca.core.estimator;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.scheduling.PredicateFailure;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.NodeTemplates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second packing the estimator tries when first fit left room: it fills one new node at a time,
 * each time taking the pod whose requests best match the room the node has left (the dot product of
 * the two, each as shares of the node's allocatable CPU and memory, weighted by how much of each
 * dimension the pods still to place need), until no pending pod fits; then it opens the next node.
 * Choosing by the room left pairs CPU-heavy with memory-heavy pods on the same node, where first
 * fit, which only ever looks at size, fills some nodes' CPU and other nodes' memory and leaves the
 * other dimension idle on both.
 *
 * <p>Every placement passes {@link PredicateChecker#checkOnNode}, like first fit's. Runs in the
 * caller's fork of the snapshot and leaves its nodes and pods there; the caller reverts.
 */
final class NodeByNodeFill {

    private final Clock clock;
    private final PredicateChecker checker;
    private final ClusterSnapshot snapshot;
    private final String nodeGroupId;
    private final NodeTemplate template;
    private final Resources allocatable;
    private final int maxNodes;
    private final Instant deadline;

    NodeByNodeFill(
            Clock clock,
            PredicateChecker checker,
            String nodeGroupId,
            NodeTemplate template,
            int maxNodes,
            Instant deadline) {
        this.clock = clock;
        this.checker = checker;
        this.snapshot = checker.snapshot();
        this.nodeGroupId = nodeGroupId;
        this.template = template;
        this.allocatable = template.node().allocatable();
        this.maxNodes = maxNodes;
        this.deadline = deadline;
    }

    /**
     * Packs the pods of {@code groups} (largest first, which breaks ties between equally good
     * pods).
     *
     * @return the estimate, or empty when the time budget ran out before it finished (the caller
     *     then keeps its first-fit answer)
     */
    Optional<Estimate> pack(List<PodGroup> groups) {
        int count = groups.size();
        int[] next = new int[count];
        boolean[] blocked = new boolean[count];
        boolean[] onePerNode = new boolean[count];
        for (int g = 0; g < count; g++) {
            onePerNode[g] = onePerNode(groups.get(g).exemplar());
        }
        List<Node> used = new ArrayList<>();
        List<PodPlacement> placements = new ArrayList<>();
        String stopReason = "";
        while (anyLeft(groups, next, blocked)) {
            if (used.size() >= maxNodes) {
                stopReason =
                        maxNodes <= 0
                                ? "no new node of this group is allowed (node limits)"
                                : "reached the limit of "
                                        + maxNodes
                                        + " new node(s) for this scale-up";
                break;
            }
            String name = NodeTemplates.templateName(nodeGroupId) + "-e-" + used.size();
            NodeTemplate copy = NodeTemplates.copy(template, name, false);
            snapshot.addNode(copy.node(), copy.pods());
            double[] demand = demand(groups, next, blocked);
            boolean[] triedHere = new boolean[count];
            int placedHere = 0;
            while (true) {
                if (!clock.instant().isBefore(deadline)) {
                    return Optional.empty();
                }
                int best =
                        bestGroup(groups, next, blocked, triedHere, demand, name, placedHere == 0);
                if (best < 0) {
                    break;
                }
                Pod pod = groups.get(best).pods().get(next[best]);
                Optional<PredicateFailure> failure = checker.checkOnNode(pod, name);
                if (failure.isPresent()) {
                    triedHere[best] = true;
                    if (placedHere == 0) {
                        // Refused by an empty new node: no other new node would take it either.
                        blocked[best] = true;
                        if (stopReason.isEmpty()) {
                            stopReason =
                                    "pod "
                                            + pod.key()
                                            + " does not fit an empty new node: "
                                            + failure.get().message();
                        }
                    }
                    continue;
                }
                snapshot.addPod(pod, name);
                placements.add(new PodPlacement(pod, name));
                next[best]++;
                placedHere++;
                // Its next pod would be refused here; skip asking the checker.
                triedHere[best] |= onePerNode[best];
            }
            if (placedHere == 0) {
                // Every pod left was refused by this empty node, so each group is blocked now.
                snapshot.removeNode(name);
                break;
            }
            used.add(copy.node());
        }
        List<Pod> unplaced = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            List<Pod> pods = groups.get(g).pods();
            unplaced.addAll(pods.subList(next[g], pods.size()));
        }
        return Optional.of(new Estimate(nodeGroupId, used, placements, unplaced, stopReason));
    }

    /**
     * The group whose next pod matches the room left on {@code node} best, or -1 when no group has
     * a pod left that could fit there. On an empty node every group is a candidate, so that the
     * predicate checker, not this resource shortcut, says why a pod fits nowhere.
     */
    private int bestGroup(
            List<PodGroup> groups,
            int[] next,
            boolean[] blocked,
            boolean[] triedHere,
            double[] demand,
            String node,
            boolean empty) {
        Resources requested = snapshot.nodeInfo(node).requested();
        int best = -1;
        double bestScore = -1;
        for (int g = 0; g < groups.size(); g++) {
            List<Pod> pods = groups.get(g).pods();
            if (blocked[g] || triedHere[g] || next[g] >= pods.size()) {
                continue;
            }
            Resources wants = pods.get(next[g]).requests();
            if (!empty && !allocatable.fits(requested, wants)) {
                triedHere[g] = true;
                continue;
            }
            double score = score(wants, requested, allocatable, demand);
            if (score > bestScore) {
                bestScore = score;
                best = g;
            }
        }
        return best;
    }

    /**
     * Whether two pods like {@code pod} never share a node: it has a required anti-affinity term on
     * the hostname that it matches itself (pods of one group have the same labels and terms).
     */
    private static boolean onePerNode(Pod pod) {
        for (PodAffinityTerm t : pod.antiAffinityTerms()) {
            if (NodeTemplates.HOSTNAME_LABEL.equals(t.topologyKey())
                    && t.matches(pod, Labels.EMPTY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyLeft(List<PodGroup> groups, int[] next, boolean[] blocked) {
        for (int g = 0; g < groups.size(); g++) {
            if (!blocked[g] && next[g] < groups.get(g).pods().size()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the pods still to place ask for in total, as multiples of one node's allocatable CPU and
     * memory. Computed once per node: it weighs the score towards the dimension that will run out
     * first, so the scarce resource is packed tightly and the plentiful one absorbs the slack.
     */
    private double[] demand(List<PodGroup> groups, int[] next, boolean[] blocked) {
        double cpu = 0;
        double memory = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Pod> pods = groups.get(g).pods();
            if (blocked[g] || next[g] >= pods.size()) {
                continue;
            }
            Resources wants = pods.get(next[g]).requests();
            int left = pods.size() - next[g];
            cpu += left * share(wants.milliCpu(), allocatable.milliCpu());
            memory += left * share(wants.memoryBytes(), allocatable.memoryBytes());
        }
        return new double[] {cpu, memory};
    }

    /**
     * How well a pod asking for {@code wants} matches the room a node has left: per dimension (CPU,
     * memory), the request times the free room, both as shares of allocatable, times the demand
     * left in that dimension; summed. Large pods whose shape matches the room win; on an empty node
     * that is the largest pod in the scarce dimension.
     */
    static double score(
            Resources wants, Resources requested, Resources allocatable, double[] demand) {
        long cpu = allocatable.milliCpu();
        long memory = allocatable.memoryBytes();
        return demand[0] * share(wants.milliCpu(), cpu) * share(cpu - requested.milliCpu(), cpu)
                + demand[1]
                        * share(wants.memoryBytes(), memory)
                        * share(memory - requested.memoryBytes(), memory);
    }

    private static double share(long amount, long capacity) {
        return capacity > 0 ? (double) amount / capacity : 0;
    }
}
