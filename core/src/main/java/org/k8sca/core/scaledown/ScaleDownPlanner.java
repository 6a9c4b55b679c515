package org.k8sca.core.scaledown;

import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaledown.drain.DrainRules;
import org.k8sca.core.scaledown.drain.PdbBudgets;
import org.k8sca.core.scaledown.eligibility.Eligibility;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.selection.NodeGroupView;
import org.k8sca.core.scaledown.selection.RemovalSelector;
import org.k8sca.core.scaledown.selection.Selection;
import org.k8sca.core.scaledown.selection.SelectionCandidate;
import org.k8sca.core.scaledown.selection.SelectionLimits;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaledown.simulation.RemovalSimulator;
import org.k8sca.core.scaledown.simulation.SimulationResult;
import org.k8sca.core.scaledown.simulation.Unremovable;
import org.k8sca.core.scaledown.simulation.UnremovableMemory;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlan;
import org.k8sca.core.scaledown.unneeded.SoftTaintPlanner;
import org.k8sca.core.scaledown.unneeded.UnneededTimers;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one scale-down pass per loop and carries its state (unneeded timers, remembered unremovable
 * nodes, last loop's unneeded order) from one loop to the next.
 *
 * <p>A pass: eligibility for every node; candidates sorted (empty first, then last loop's unneeded
 * nodes); the removal simulation within its time budget and node limit; the unneeded timers
 * replaced by its findings; the soft-taint plan; and, unless in cooldown, the selection of nodes to
 * delete now. Every node gets an explanation.
 *
 * <p>Not thread-safe: one planner, called from the loop.
 */
public final class ScaleDownPlanner {

    /**
     * Annotation on phantom nodes for upcoming scale-ups; such nodes are neither candidates nor
     * destinations, since pods cannot actually move to a machine that does not run yet.
     */
    public static final String UPCOMING_NODE_ANNOTATION = "cluster-autoscaler.k8s.io/upcoming-node";

    private final ScaleDownOptions options;
    private final Clock clock;
    private final RemovalSimulator simulator;
    private final UnneededTimers timers;
    private final UnremovableMemory unremovable = new UnremovableMemory();
    private Set<String> lastUnneeded = Set.of();

    public ScaleDownPlanner(ScaleDownOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.simulator = new RemovalSimulator(clock);
        this.timers = new UnneededTimers(options.nodeDeletionCandidateTtl());
    }

    /** Forgets every unneeded timer: the cluster is unhealthy or empty. */
    public void resetTimers() {
        timers.clear();
        lastUnneeded = Set.of();
    }

    /** When {@code node} became unneeded, as the planner currently believes. */
    public Optional<Instant> unneededSince(String node) {
        return timers.since(node);
    }

    /** One scale-down pass at the clock's current time. Leaves the input's snapshot unchanged. */
    public ScaleDownPlan plan(ScaleDownInput input) {
        Instant now = clock.instant();
        List<NodeInfo> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> notDestinations = new HashSet<>(input.beingDeleted());
        for (NodeInfo n : input.snapshot().nodeInfos()) {
            if ("true".equals(n.node().annotations().get(UPCOMING_NODE_ANNOTATION))) {
                notDestinations.add(n.name());
                continue;
            }
            nodes.add(n);
            names.add(n.name());
        }
        unremovable.prune(now, names);
        Explanations explanations = new Explanations();

        List<NodeInfo> eligible = checkEligibility(input, nodes, explanations, now);
        DrainRules rules = new DrainRules(options.drainRules(), input.controllers(), now);
        SimulationResult sim =
                simulator.simulate(
                        input.snapshot(),
                        candidateOrder(eligible),
                        notDestinations,
                        rules,
                        new PdbBudgets(input.pdbs()),
                        options.simulationTimeout(),
                        unneededLimit());
        explainSimulationFailures(sim, explanations, now);
        updateTimers(input, sim, now);

        // Nodes being deleted carry the hard taint; their soft taint no longer matters.
        List<Node> allNodes = new ArrayList<>();
        for (NodeInfo n : nodes) {
            if (!input.beingDeleted().contains(n.name())) {
                allNodes.add(n.node());
            }
        }
        SoftTaintPlan softTaints =
                SoftTaintPlanner.plan(allNodes, timers, options.maxBulkSoftTaintCount());

        Optional<String> cooldown =
                input.cooldown()
                        .reason(
                                now,
                                options.delayAfterAdd(),
                                options.delayAfterFailure(),
                                options.delayAfterDelete());
        Selection selection =
                cooldown.isPresent()
                        ? new Selection(List.of(), List.of(), Map.of(), List.of())
                        : RemovalSelector.select(
                                selectionCandidates(input, sim.removable(), now),
                                limits(input, nodes));
        for (NodeRemoval r : sim.removable()) {
            String name = r.nodeName();
            Instant since = timers.since(name).orElse(now);
            Selection.Kept kept = selection.kept().get(name);
            explanations.put(
                    kept == null
                            ? NodeExplanation.unneeded(name, since, explanations.utilization(name))
                            : NodeExplanation.unneededButKept(
                                    name,
                                    since,
                                    kept.reason(),
                                    explanations.utilization(name),
                                    kept.detail()));
        }
        return new ScaleDownPlan(
                explanations.all(),
                selection.empty(),
                selection.drain(),
                softTaints,
                cooldown,
                sim.timedOut());
    }

    /** The explanations of one pass, and each node's utilization for them. */
    private static final class Explanations {
        private final Map<String, NodeExplanation> byNode = new HashMap<>();
        private final Map<String, Double> utilization = new HashMap<>();

        void put(NodeExplanation e) {
            byNode.put(e.nodeName(), e);
        }

        double utilization(String node) {
            return utilization.getOrDefault(node, Double.NaN);
        }

        List<NodeExplanation> all() {
            return new ArrayList<>(byNode.values());
        }
    }

    /** Runs the cheap checks; explains the ineligible nodes and returns the others. */
    private List<NodeInfo> checkEligibility(
            ScaleDownInput input, List<NodeInfo> nodes, Explanations explanations, Instant now) {
        List<NodeInfo> eligible = new ArrayList<>();
        for (NodeInfo info : nodes) {
            String name = info.name();
            if (input.beingDeleted().contains(name)) {
                explanations.put(
                        NodeExplanation.kept(
                                name,
                                UnremovableReason.CURRENTLY_BEING_DELETED,
                                Double.NaN,
                                "deletion in progress"));
                continue;
            }
            NodeGroupView group = groupOf(input, name);
            NodeGroupOptions groupOptions = group == null ? null : group.options();
            Optional<UnremovableMemory.Entry> recent = unremovable.recent(name, now);
            Eligibility.Result result =
                    Eligibility.check(
                            info,
                            groupOptions,
                            options.scaleDownUnreadyEnabled(),
                            options.ignoreMirrorPodsUtilization(),
                            recent.isPresent(),
                            isGpuNode(info.node(), input.gpuLabel()),
                            now);
            double u = result.utilization() == null ? Double.NaN : result.utilization().value();
            explanations.utilization.put(name, u);
            if (result.eligible()) {
                eligible.add(info);
            } else if (result.reason().get() == UnremovableReason.RECENTLY_UNREMOVABLE) {
                Unremovable earlier = recent.get().result();
                explanations.put(
                        NodeExplanation.blocked(
                                name,
                                UnremovableReason.RECENTLY_UNREMOVABLE,
                                earlier.pod(),
                                earlier.blockReason(),
                                u,
                                "was "
                                        + earlier.reason().upstreamName()
                                        + "; rechecked at "
                                        + recent.get().recheckAt()));
            } else {
                explanations.put(
                        NodeExplanation.kept(name, result.reason().get(), u, result.detail()));
            }
        }
        return eligible;
    }

    /** Remembers and explains unremovable nodes, and explains the ones not evaluated. */
    private void explainSimulationFailures(
            SimulationResult sim, Explanations explanations, Instant now) {
        for (Unremovable u : sim.unremovable()) {
            unremovable.remember(u, now.plus(options.unremovableNodeRecheckTimeout()));
            explanations.put(
                    NodeExplanation.blocked(
                            u.nodeName(),
                            u.reason(),
                            u.pod(),
                            u.blockReason(),
                            explanations.utilization(u.nodeName()),
                            u.detail()));
        }
        for (String name : sim.notEvaluated()) {
            explanations.put(
                    NodeExplanation.kept(
                            name,
                            UnremovableReason.NOT_EVALUATED,
                            explanations.utilization(name),
                            sim.timedOut()
                                    ? "the simulation time budget ran out"
                                    : "enough unneeded nodes were found this loop"));
        }
    }

    /**
     * Replaces the unneeded set with this pass's findings. Not-evaluated nodes keep no timer, as
     * upstream; they are tried first next loop.
     */
    private void updateTimers(ScaleDownInput input, SimulationResult sim, Instant now) {
        List<Node> unneeded = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NodeRemoval r : sim.removable()) {
            unneeded.add(input.snapshot().nodeInfo(r.nodeName()).node());
            names.add(r.nodeName());
        }
        timers.update(unneeded, now);
        lastUnneeded = names;
    }

    /**
     * Empty nodes first (cheap to remove, and they never need a drain slot), then nodes unneeded
     * last loop (so a time-limited pass does not lose their timers), then the rest; by name within
     * each.
     */
    private List<String> candidateOrder(List<NodeInfo> eligible) {
        List<NodeInfo> sorted = new ArrayList<>(eligible);
        sorted.sort(
                Comparator.comparingInt((NodeInfo n) -> hasPodsToMove(n) ? 1 : 0)
                        .thenComparingInt(n -> lastUnneeded.contains(n.name()) ? 0 : 1)
                        .thenComparing(NodeInfo::name));
        List<String> out = new ArrayList<>(sorted.size());
        for (NodeInfo n : sorted) {
            out.add(n.name());
        }
        return out;
    }

    /** A cheap "has pods that would need a new home" (the full rules run in the simulation). */
    private static boolean hasPodsToMove(NodeInfo info) {
        for (Pod p : info.pods()) {
            if (!p.isMirror() && !p.isDaemonSetPod()) {
                return true;
            }
        }
        return false;
    }

    /**
     * There is no point finding more unneeded nodes than can be deleted before they would be
     * re-evaluated: min(current + 2P, P * (unneeded time / scan interval) + P).
     */
    private int unneededLimit() {
        long p = options.maxScaleDownParallelism();
        long loops =
                options.groupDefaults().scaleDownUnneededTime().toMillis()
                        / options.scanInterval().toMillis();
        long limit = Math.min(timers.size() + 2 * p, p * loops + p);
        return (int) Math.min(Integer.MAX_VALUE, limit);
    }

    private List<SelectionCandidate> selectionCandidates(
            ScaleDownInput input, List<NodeRemoval> removable, Instant now) {
        List<SelectionCandidate> out = new ArrayList<>();
        for (NodeRemoval r : removable) {
            Node node = input.snapshot().nodeInfo(r.nodeName()).node();
            out.add(
                    new SelectionCandidate(
                            node,
                            r,
                            groupOf(input, r.nodeName()),
                            timers.unneededFor(r.nodeName(), now)));
        }
        return out;
    }

    private SelectionLimits limits(ScaleDownInput input, List<NodeInfo> nodes) {
        long milliCpu = 0;
        long memory = 0;
        for (NodeInfo n : nodes) {
            if (!input.beingDeleted().contains(n.name())) {
                Resources capacity = n.node().capacity();
                milliCpu += capacity.milliCpu();
                memory += capacity.memoryBytes();
            }
        }
        long minMilliCpu =
                Math.max(options.minCoresTotal(), input.providerLimits().min(Resources.CPU)) * 1000;
        long minMemory =
                Math.max(
                        options.minMemoryGibTotal() << 30,
                        input.providerLimits().min(Resources.MEMORY));
        return new SelectionLimits(
                options.maxScaleDownParallelism(),
                options.maxDrainParallelism(),
                input.emptyDeletionsInFlight(),
                input.drainsInFlight(),
                milliCpu,
                memory,
                minMilliCpu,
                minMemory);
    }

    private static NodeGroupView groupOf(ScaleDownInput input, String node) {
        String id = input.groupOfNode().get(node);
        return id == null ? null : input.groups().get(id);
    }

    private static boolean isGpuNode(Node node, String gpuLabel) {
        return !gpuLabel.isEmpty() && node.labels().get(gpuLabel) != null;
    }
}
