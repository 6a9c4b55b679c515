package org.k8sca.core.scaleup;

import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.estimator.BinpackingEstimator;
import org.k8sca.core.estimator.Estimate;
import org.k8sca.core.estimator.EstimationLimits;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.expander.ExpanderChoice;
import org.k8sca.core.expander.ExpansionContext;
import org.k8sca.core.expander.ExpansionOption;
import org.k8sca.core.model.Pod;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.podgroup.PodGroup;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.scheduling.PredicateFailure;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.core.template.GroupTemplate;
import org.k8sca.core.template.NodeTemplates;
import org.k8sca.core.template.TemplateSource;
import org.k8sca.core.template.TemplateTaints;

import java.time.Clock;
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

/**
 * Plans one scale-up (spec autoscaler-core.md §2): sorts out the pods that need no new node, tests
 * each remaining kind of pod once on each node group's template, estimates how many nodes each
 * group would need, lets the expander chain pick one option, and caps it by the node and resource
 * limits, spreading it over similar groups when balancing is on.
 *
 * <p>A pure function of its input and the clock: the snapshot is forked and reverted. Every
 * expensive step has a time budget on the injected clock. One instance may plan many loops; it is
 * not thread-safe (the expander chain may hold a seeded generator and a parsed config).
 */
public final class ScaleUpPlanner {

    static final String MAX_GROUP_SIZE_REACHED = "max node group size reached";
    static final String MAX_TOTAL_NODES_REACHED = "max total nodes in cluster reached";
    static final String BACKOFF = "in backoff after failed scale-up";
    static final String NOT_READY = "not ready for scale-up";

    private final ScaleUpConfig config;
    private final ExpanderChain expanders;
    private final Clock clock;
    private final BinpackingEstimator estimator;

    public ScaleUpPlanner(ScaleUpConfig config, ExpanderChain expanders, Clock clock) {
        this.config = config;
        this.expanders = expanders;
        this.clock = clock;
        this.estimator = new BinpackingEstimator(clock);
    }

    /** Plans a scale-up for {@code input}; leaves the input's snapshot as it was. */
    public ScaleUpResult plan(ScaleUpInput input) {
        ClusterSnapshot snapshot = input.snapshot();
        int depth = snapshot.forkDepth();
        snapshot.fork();
        try {
            return new Pass(input).run();
        } finally {
            while (snapshot.forkDepth() > depth) {
                snapshot.revert();
            }
        }
    }

    /** A node group that passed the cheap checks, with its predicate verdict per pod group. */
    private static final class Candidate {
        final NodeGroup group;
        final NodeTemplate template;
        final int target;
        final boolean[] fits;
        final List<String> similar = new ArrayList<>();
        Estimate estimate;

        Candidate(NodeGroup group, NodeTemplate template, int target, int podGroups) {
            this.group = group;
            this.template = template;
            this.target = target;
            this.fits = new boolean[podGroups];
        }

        String id() {
            return group.id();
        }
    }

    /** The state of one planning pass. */
    private final class Pass {
        private final ScaleUpInput in;
        private final ClusterSnapshot snapshot;
        private final PredicateChecker checker;
        private final Instant now;
        private final List<PodOutcome> outcomes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, GroupOutcome> groupOutcomes = new LinkedHashMap<>();
        private final Map<String, Integer> targets = new HashMap<>();

        /** Why a node group cannot take a pod, per pod UID and group id. */
        private final Map<String, Map<String, List<String>>> reasonsByPod = new HashMap<>();

        /** The group of each simulated upcoming node, by node name. */
        private final Map<String, String> groupOfUpcoming = new HashMap<>();

        private int realNodes;
        private int upcomingTotal;

        Pass(ScaleUpInput in) {
            this.in = in;
            this.snapshot = in.snapshot();
            this.checker = new PredicateChecker(snapshot);
            this.now = clock.instant();
        }

        ScaleUpResult run() {
            realNodes = countRealNodes();
            PodClassifier.Classification classes =
                    PodClassifier.classify(
                            in.unscheduledPods(), config.expendablePodsPriorityCutoff());
            for (IgnoredPod p : classes.ignored()) {
                outcomes.add(
                        new PodOutcome(
                                p.pod().key(),
                                p.pod().uid(),
                                PodVerdict.IGNORED,
                                "",
                                p.reason(),
                                null));
            }
            placeNominated(classes.nominated());
            List<NodeGroup> groups = readGroups();
            addUpcomingNodes(groups);

            List<Pod> pending = fitOnExistingNodes(classes.pending());
            pending = dropTooYoung(pending);
            if (pending.isEmpty()) {
                return result(
                        ScaleUpStatus.NOT_NEEDED,
                        "no pending pod needs a new node",
                        List.of(),
                        null);
            }
            String wait = batchingWait(pending);
            if (wait != null) {
                for (Pod p : pending) {
                    outcomes.add(
                            new PodOutcome(p.key(), p.uid(), PodVerdict.WAITING, "", wait, null));
                }
                return result(ScaleUpStatus.WAITING_FOR_MORE_PODS, wait, List.of(), null);
            }
            if (config.maxNodesTotal() > 0 && realNodes >= config.maxNodesTotal()) {
                for (Pod p : pending) {
                    outcomes.add(
                            new PodOutcome(
                                    p.key(),
                                    p.uid(),
                                    PodVerdict.NOT_HELPED,
                                    "",
                                    "pod didn't trigger scale-up: " + MAX_TOTAL_NODES_REACHED,
                                    null));
                }
                return result(
                        ScaleUpStatus.MAX_NODES_TOTAL_REACHED,
                        MAX_TOTAL_NODES_REACHED
                                + " ("
                                + realNodes
                                + " >= --max-nodes-total "
                                + config.maxNodesTotal()
                                + ")",
                        List.of(),
                        null);
            }
            return planFor(pending, groups);
        }

        private int countRealNodes() {
            int n = 0;
            for (NodeInfo info : snapshot.nodeInfos()) {
                if (!info.node().annotations().containsKey(NodeTemplates.UPCOMING_ANNOTATION)) {
                    n++;
                }
            }
            return n;
        }

        /**
         * Pods waiting for preemption hold their place on the nominated node, as the scheduler
         * reserves it.
         */
        private void placeNominated(List<Pod> nominated) {
            for (Pod p : nominated) {
                if (snapshot.nodeInfo(p.nominatedNodeName()) != null
                        && snapshot.pod(p.uid()) == null) {
                    snapshot.addPod(p, p.nominatedNodeName());
                }
                outcomes.add(
                        new PodOutcome(
                                p.key(),
                                p.uid(),
                                PodVerdict.IGNORED,
                                p.nominatedNodeName(),
                                "pod is waiting for preemption on its nominated node "
                                        + p.nominatedNodeName(),
                                null));
            }
        }

        private List<NodeGroup> readGroups() {
            List<NodeGroup> groups = new ArrayList<>(in.provider().nodeGroups());
            for (NodeGroup g : groups) {
                try {
                    targets.put(g.id(), g.targetSize());
                } catch (CloudProviderException e) {
                    targets.put(g.id(), -1);
                    notes.add(
                            "node group "
                                    + g.id()
                                    + ": cannot read its target size: "
                                    + e.getMessage());
                }
            }
            return groups;
        }

        private void addUpcomingNodes(List<NodeGroup> groups) {
            for (NodeGroup g : groups) {
                int count = in.upcomingNodes().getOrDefault(g.id(), 0);
                if (count == 0) {
                    continue;
                }
                upcomingTotal += count;
                GroupTemplate t = in.templates().get(g.id());
                if (t == null || !t.present()) {
                    notes.add(
                            "node group "
                                    + g.id()
                                    + " has "
                                    + count
                                    + " upcoming node(s) but no template; they are not simulated");
                    continue;
                }
                for (int i = 0; i < count; i++) {
                    NodeTemplate copy =
                            NodeTemplates.copy(
                                    t.template(),
                                    NodeTemplates.templateName(g.id()) + "-upcoming-" + i,
                                    true);
                    snapshot.addNode(copy.node(), copy.pods());
                    groupOfUpcoming.put(copy.node().name(), g.id());
                }
            }
        }

        private List<Pod> fitOnExistingNodes(List<Pod> pending) {
            Instant deadline = now.plus(config.maxSchedulableFilterDuration());
            SchedulablePodFilter.Result r =
                    SchedulablePodFilter.filter(checker, pending, clock, deadline);
            for (Pod p : pending) {
                String node = r.nodeByPodUid().get(p.uid());
                if (node == null) {
                    continue;
                }
                String group = groupOfUpcoming.get(node);
                if (group != null) {
                    outcomes.add(
                            new PodOutcome(
                                    p.key(),
                                    p.uid(),
                                    PodVerdict.FITS_UPCOMING_NODE,
                                    group,
                                    "pod fits on a node of group "
                                            + group
                                            + " that is being created or is booting",
                                    null));
                } else {
                    outcomes.add(
                            new PodOutcome(
                                    p.key(),
                                    p.uid(),
                                    PodVerdict.FITS_EXISTING_NODE,
                                    node,
                                    "pod fits on existing node "
                                            + node
                                            + "; the scheduler should place it",
                                    null));
                }
            }
            if (!r.notTried().isEmpty()) {
                String why =
                        "not processed: fitting pending pods on existing nodes ran out of its "
                                + config.maxSchedulableFilterDuration().toSeconds()
                                + " s budget; retried next loop";
                notes.add(r.notTried().size() + " pending pod(s) " + why);
                for (Pod p : r.notTried()) {
                    outcomes.add(
                            new PodOutcome(
                                    p.key(), p.uid(), PodVerdict.IGNORED, "", "pod " + why, null));
                }
            }
            return r.stillPending();
        }

        private List<Pod> dropTooYoung(List<Pod> pending) {
            List<Pod> out = new ArrayList<>(pending.size());
            for (Pod p : pending) {
                Duration delay = PodClassifier.scaleUpDelay(p, config.newPodScaleUpDelay(), notes);
                if (PodClassifier.tooYoung(p, delay, now)) {
                    outcomes.add(
                            new PodOutcome(
                                    p.key(),
                                    p.uid(),
                                    PodVerdict.IGNORED,
                                    "",
                                    "pod is younger than its scale-up delay of "
                                            + delay.toSeconds()
                                            + " s",
                                    null));
                } else {
                    out.add(p);
                }
            }
            return out;
        }

        /** When the batching window ends, while the pass waits for more pods; else null. */
        private Instant waitUntil;

        /** The "wait one loop for more pods" message, or null when the oldest pod is old enough. */
        private String batchingWait(List<Pod> pending) {
            Instant oldest = null;
            boolean gpu = false;
            for (Pod p : pending) {
                if (p.creationTime() != null
                        && (oldest == null || p.creationTime().isBefore(oldest))) {
                    oldest = p.creationTime();
                }
                gpu |= p.requests().gpus() > 0;
            }
            Duration window = gpu ? config.gpuBatchingWindow() : config.batchingWindow();
            if (oldest == null || !oldest.plus(window).isAfter(now)) {
                return null;
            }
            waitUntil = oldest.plus(window);
            return "waiting for more pods: the oldest pending pod is younger than "
                    + window.toSeconds()
                    + " s";
        }

        private ScaleUpResult planFor(List<Pod> pending, List<NodeGroup> groups) {
            List<PodGroup> podGroups = EquivalenceGrouper.group(pending);
            ResourceQuota quota = currentQuota();
            List<Candidate> candidates = new ArrayList<>();
            for (NodeGroup g : groups) {
                Candidate c = checkGroup(g, podGroups, quota);
                if (c != null) {
                    candidates.add(c);
                }
            }
            if (config.balanceSimilarNodeGroups()) {
                findSimilar(candidates);
            }
            List<ExpansionOption> options = estimate(candidates, podGroups);
            if (options.isEmpty()) {
                notHelped(podGroups, Set.of(), Map.of(), null);
                return result(
                        ScaleUpStatus.NO_OPTIONS,
                        "no node group can take any pending pod",
                        List.of(),
                        null);
            }
            ExpanderChoice choice = expanders.choose(options, new ExpansionContext(realNodes, now));
            if (!choice.chosen()) {
                for (PodGroup pg : podGroups) {
                    for (Pod p : pg.pods()) {
                        outcomes.add(
                                new PodOutcome(
                                        p.key(),
                                        p.uid(),
                                        PodVerdict.NOT_HELPED,
                                        "",
                                        "pod didn't trigger scale-up: expansion options filtered"
                                                + " out and no longer considered",
                                        reasonsOf(p, Map.of())));
                    }
                }
                return result(
                        ScaleUpStatus.NO_OPTIONS,
                        "the expanders filtered out every option",
                        List.of(),
                        choice);
            }
            return carryOut(choice, candidates, podGroups, quota, options);
        }

        private ResourceQuota currentQuota() {
            long cpu = 0;
            long mem = 0;
            for (NodeInfo info : snapshot.nodeInfos()) {
                if (!TemplateTaints.beingDeleted(info.node().taints())) {
                    cpu += info.node().capacity().milliCpu();
                    mem += info.node().capacity().memoryBytes();
                }
            }
            return ResourceQuota.of(config, in.provider().resourceLimits(), cpu, mem);
        }

        /**
         * The cheap checks and the predicate check on the template; null when the group is skipped.
         */
        private Candidate checkGroup(NodeGroup g, List<PodGroup> podGroups, ResourceQuota quota) {
            String id = g.id();
            int target = targets.get(id);
            GroupTemplate t = in.templates().get(id);
            String skip = null;
            if (target < 0) {
                skip = NOT_READY + ": cannot read its target size";
            } else if (in.backedOffGroups().containsKey(id)) {
                String why = in.backedOffGroups().get(id);
                skip = BACKOFF + (why == null || why.isEmpty() ? "" : ": " + why);
            } else if (target >= g.maxSize()) {
                skip = MAX_GROUP_SIZE_REACHED;
            } else if (t == null || !t.present()) {
                skip = NOT_READY + ": " + (t == null ? "no template" : t.problem());
            } else {
                int needed = g.atomic() ? g.maxSize() - target : 1;
                List<String> exceeded = quota.exceededBy(t.template().node().capacity(), needed);
                if (!exceeded.isEmpty()) {
                    skip = ResourceQuota.exceededMessage(exceeded);
                } else if (g.atomic()
                        && config.maxNodesTotal() > 0
                        && realNodes + upcomingTotal + needed > config.maxNodesTotal()) {
                    skip = MAX_TOTAL_NODES_REACHED;
                }
            }
            if (skip != null) {
                groupOutcomes.put(
                        id, new GroupOutcome(id, target, target, g.maxSize(), -1, skip, ""));
                for (PodGroup pg : podGroups) {
                    for (Pod p : pg.pods()) {
                        addReason(p, id, List.of(skip));
                    }
                }
                return null;
            }
            if (t.source() == TemplateSource.UNREADY_NODE) {
                notes.add("node group " + id + ": " + t.problem());
            }
            Candidate c = new Candidate(g, t.template(), target, podGroups.size());
            NodeTemplate probe =
                    NodeTemplates.copy(t.template(), NodeTemplates.templateName(id), false);
            snapshot.fork();
            try {
                snapshot.addNode(probe.node(), probe.pods());
                for (int i = 0; i < podGroups.size(); i++) {
                    Optional<PredicateFailure> f =
                            checker.checkOnNode(podGroups.get(i).exemplar(), probe.node().name());
                    c.fits[i] = f.isEmpty();
                    if (f.isPresent()) {
                        for (Pod p : podGroups.get(i).pods()) {
                            addReason(p, id, f.get().reasons());
                        }
                    }
                }
            } finally {
                snapshot.revert();
            }
            return c;
        }

        private void findSimilar(List<Candidate> candidates) {
            for (Candidate a : candidates) {
                if (a.group.atomic()) {
                    continue;
                }
                for (Candidate b : candidates) {
                    if (a != b
                            && !b.group.atomic()
                            && SimilarNodeGroups.similar(a.template, b.template, config)) {
                        a.similar.add(b.id());
                    }
                }
            }
        }

        private List<ExpansionOption> estimate(
                List<Candidate> candidates, List<PodGroup> podGroups) {
            Instant allDeadline = now.plus(config.maxBinpackingTime());
            Map<String, Candidate> byId = new HashMap<>();
            for (Candidate c : candidates) {
                byId.put(c.id(), c);
            }
            List<ExpansionOption> options = new ArrayList<>();
            for (Candidate c : candidates) {
                List<PodGroup> fitting = new ArrayList<>();
                for (int i = 0; i < podGroups.size(); i++) {
                    if (c.fits[i]) {
                        fitting.add(podGroups.get(i));
                    }
                }
                int max = c.group.maxSize();
                if (fitting.isEmpty()) {
                    groupOutcomes.put(
                            c.id(),
                            new GroupOutcome(
                                    c.id(),
                                    c.target,
                                    c.target,
                                    max,
                                    0,
                                    "",
                                    "no pending pod fits a new node of this group"));
                    continue;
                }
                Instant t = clock.instant();
                if (!t.isBefore(allDeadline)) {
                    String skip =
                            "not evaluated: --max-binpacking-time "
                                    + config.maxBinpackingTime().toSeconds()
                                    + " s ran out";
                    groupOutcomes.put(
                            c.id(),
                            new GroupOutcome(c.id(), c.target, c.target, max, -1, skip, ""));
                    for (PodGroup pg : fitting) {
                        for (Pod p : pg.pods()) {
                            addReason(p, c.id(), List.of(skip));
                        }
                    }
                    continue;
                }
                Duration left = Duration.between(t, allDeadline);
                Duration budget =
                        left.compareTo(config.maxNodeGroupBinpackingDuration()) < 0
                                ? left
                                : config.maxNodeGroupBinpackingDuration();
                c.estimate =
                        estimator.estimate(
                                checker,
                                c.id(),
                                c.template,
                                fitting,
                                new EstimationLimits(nodeLimit(c, byId), budget));
                Set<String> helped = new HashSet<>();
                for (Pod p : c.estimate.helpedPods()) {
                    helped.add(p.uid());
                }
                String stop = c.estimate.stopReason();
                for (PodGroup pg : fitting) {
                    for (Pod p : pg.pods()) {
                        if (!helped.contains(p.uid())) {
                            addReason(
                                    p,
                                    c.id(),
                                    List.of(
                                            stop.isEmpty()
                                                    ? "no new node of this group could take it"
                                                    : stop));
                        }
                    }
                }
                groupOutcomes.put(
                        c.id(),
                        new GroupOutcome(
                                c.id(), c.target, c.target, max, c.estimate.nodeCount(), "", stop));
                if (c.estimate.nodeCount() > 0) {
                    int count = c.group.atomic() ? max - c.target : c.estimate.nodeCount();
                    options.add(
                            new ExpansionOption(
                                    c.id(), c.template.node(), count, c.estimate.helpedPods()));
                }
            }
            return options;
        }

        /**
         * The most new nodes an estimate for {@code c} may add: the smallest of the three limits.
         */
        private int nodeLimit(Candidate c, Map<String, Candidate> byId) {
            if (c.group.atomic()) {
                return Math.min(config.maxNodesPerScaleUp(), c.group.maxSize() - c.target);
            }
            long groupRoom = c.group.maxSize() - c.target;
            for (String sibling : c.similar) {
                Candidate s = byId.get(sibling);
                groupRoom += s.group.maxSize() - s.target;
            }
            long limit = Math.min(config.maxNodesPerScaleUp(), groupRoom);
            if (config.maxNodesTotal() > 0) {
                limit = Math.min(limit, (long) config.maxNodesTotal() - realNodes - upcomingTotal);
            }
            return (int) Math.max(limit, 0);
        }

        private ScaleUpResult carryOut(
                ExpanderChoice choice,
                List<Candidate> candidates,
                List<PodGroup> podGroups,
                ResourceQuota quota,
                List<ExpansionOption> options) {
            ExpansionOption best = choice.best();
            Map<String, Candidate> byId = new HashMap<>();
            for (Candidate c : candidates) {
                byId.put(c.id(), c);
            }
            Candidate winner = byId.get(best.nodeGroupId());
            int count = best.nodeCount();
            List<String> limitReasons = new ArrayList<>();
            if (config.maxNodesTotal() > 0) {
                int room = config.maxNodesTotal() - realNodes - upcomingTotal;
                if (count > room) {
                    count = Math.max(room, 0);
                    limitReasons.add(MAX_TOTAL_NODES_REACHED);
                    notes.add(
                            "scale-up of "
                                    + best.nodeGroupId()
                                    + " capped to "
                                    + count
                                    + " node(s) by --max-nodes-total "
                                    + config.maxNodesTotal());
                }
            }
            List<Candidate> participants = participants(winner, best, podGroups, byId);
            List<Balancer.Slot> slots = new ArrayList<>();
            for (Candidate c : participants) {
                slots.add(new Balancer.Slot(c.id(), c.target, c.group.maxSize()));
            }
            Map<String, Integer> deltas =
                    winner.group.atomic()
                            ? Map.of(winner.id(), count)
                            : Balancer.distribute(slots, count);
            List<GroupIncrease> increases = new ArrayList<>();
            for (Candidate c : participants) {
                int delta = deltas.getOrDefault(c.id(), 0);
                if (delta <= 0) {
                    continue;
                }
                int allowed = quota.allowedNodes(c.template.node().capacity());
                if (delta > allowed) {
                    String why =
                            ResourceQuota.exceededMessage(
                                    quota.exceededBy(c.template.node().capacity(), delta));
                    limitReasons.add(why);
                    notes.add(
                            "scale-up of "
                                    + c.id()
                                    + " capped from "
                                    + delta
                                    + " to "
                                    + allowed
                                    + " node(s): "
                                    + why);
                    if (c.group.atomic()) {
                        notes.add(
                                "node group "
                                        + c.id()
                                        + " scales all at once, so it is not scaled up at all");
                        continue;
                    }
                    delta = allowed;
                }
                if (delta <= 0) {
                    continue;
                }
                quota = quota.plus(c.template.node().capacity(), delta);
                increases.add(
                        new GroupIncrease(c.id(), c.target, c.target + delta, c.group.maxSize()));
            }
            Set<String> helped = new HashSet<>();
            for (Pod p : best.pods()) {
                helped.add(p.uid());
            }
            Map<String, List<String>> laterGroups = new HashMap<>();
            for (ExpansionOption o : options) {
                if (o != best) {
                    for (Pod p : o.pods()) {
                        laterGroups
                                .computeIfAbsent(p.uid(), k -> new ArrayList<>())
                                .add(o.nodeGroupId());
                    }
                }
            }
            if (increases.isEmpty()) {
                String why =
                        limitReasons.isEmpty()
                                ? MAX_GROUP_SIZE_REACHED
                                : String.join(", ", limitReasons);
                notHelped(podGroups, helped, laterGroups, why);
                return result(
                        ScaleUpStatus.LIMITED_TO_ZERO,
                        "scale-up of " + best.nodeGroupId() + " limited to zero nodes: " + why,
                        List.of(),
                        choice);
            }
            List<String> described = new ArrayList<>();
            for (GroupIncrease inc : increases) {
                described.add(inc.describe());
                GroupOutcome old = groupOutcomes.get(inc.nodeGroupId());
                groupOutcomes.put(
                        inc.nodeGroupId(),
                        new GroupOutcome(
                                inc.nodeGroupId(),
                                inc.currentTarget(),
                                inc.newTarget(),
                                inc.maxSize(),
                                old == null ? -1 : old.estimatedNodes(),
                                "",
                                old == null ? "" : old.note()));
            }
            String triggered = "pod triggered scale-up: [" + String.join(" ", described) + "]";
            for (PodGroup pg : podGroups) {
                for (Pod p : pg.pods()) {
                    if (helped.contains(p.uid())) {
                        outcomes.add(
                                new PodOutcome(
                                        p.key(),
                                        p.uid(),
                                        PodVerdict.TRIGGERS_SCALE_UP,
                                        best.nodeGroupId(),
                                        triggered,
                                        null));
                    }
                }
            }
            notHelped(podGroups, helped, laterGroups, null);
            int pods = best.pods().size();
            return result(
                    ScaleUpStatus.SCALE_UP,
                    "scale-up: " + String.join(" ", described) + " for " + pods + " pod(s)",
                    increases,
                    choice);
        }

        /**
         * The winner and, when balancing, its similar groups that can take every kind of pod it
         * helps.
         */
        private List<Candidate> participants(
                Candidate winner,
                ExpansionOption best,
                List<PodGroup> podGroups,
                Map<String, Candidate> byId) {
            List<Candidate> out = new ArrayList<>(List.of(winner));
            if (!config.balanceSimilarNodeGroups() || winner.group.atomic()) {
                return out;
            }
            Set<String> helped = new HashSet<>();
            for (Pod p : best.pods()) {
                helped.add(p.uid());
            }
            for (String id : winner.similar) {
                Candidate s = byId.get(id);
                boolean takesAll = true;
                for (int i = 0; i < podGroups.size() && takesAll; i++) {
                    if (!s.fits[i] && containsAny(podGroups.get(i), helped)) {
                        takesAll = false;
                    }
                }
                if (takesAll) {
                    out.add(s);
                }
            }
            if (out.size() > 1) {
                notes.add(
                        "balancing "
                                + best.nodeGroupId()
                                + " with similar group(s) "
                                + out.subList(1, out.size()).stream().map(Candidate::id).toList());
            }
            return out;
        }

        private boolean containsAny(PodGroup pg, Set<String> uids) {
            for (Pod p : pg.pods()) {
                if (uids.contains(p.uid())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Outcomes for the pods that do not get a node this loop. {@code helped} pods were chosen
         * but a limit cut the scale-up to nothing; they get {@code limitReason} (null when nothing
         * was cut).
         */
        private void notHelped(
                List<PodGroup> podGroups,
                Set<String> helped,
                Map<String, List<String>> laterGroups,
                String limitReason) {
            for (PodGroup pg : podGroups) {
                for (Pod p : pg.pods()) {
                    Map<String, List<String>> reasons = reasonsOf(p, Map.of());
                    if (helped.contains(p.uid())) {
                        if (limitReason != null) {
                            outcomes.add(
                                    new PodOutcome(
                                            p.key(),
                                            p.uid(),
                                            PodVerdict.NOT_HELPED,
                                            "",
                                            "pod didn't trigger scale-up: " + limitReason,
                                            reasons));
                        }
                        continue;
                    }
                    List<String> later = laterGroups.get(p.uid());
                    if (later != null) {
                        outcomes.add(
                                new PodOutcome(
                                        p.key(),
                                        p.uid(),
                                        PodVerdict.HELPED_LATER,
                                        "",
                                        "pod waits for the next loop: it fits a new node of "
                                                + later
                                                + ", but another option was chosen",
                                        reasons));
                        continue;
                    }
                    String text = PodOutcome.aggregate(reasons);
                    outcomes.add(
                            new PodOutcome(
                                    p.key(),
                                    p.uid(),
                                    PodVerdict.NOT_HELPED,
                                    "",
                                    "pod didn't trigger scale-up: "
                                            + (text.isEmpty()
                                                    ? "no node group can be scaled up"
                                                    : text),
                                    reasons));
                }
            }
        }

        private Map<String, List<String>> reasonsOf(Pod p, Map<String, List<String>> fallback) {
            Map<String, List<String>> r = reasonsByPod.get(p.uid());
            return r == null ? fallback : r;
        }

        private void addReason(Pod p, String groupId, List<String> reasons) {
            reasonsByPod
                    .computeIfAbsent(p.uid(), k -> new HashMap<>())
                    .computeIfAbsent(groupId, k -> new ArrayList<>())
                    .addAll(reasons);
        }

        private ScaleUpResult result(
                ScaleUpStatus status,
                String summary,
                List<GroupIncrease> increases,
                ExpanderChoice choice) {
            for (NodeGroup g : in.provider().nodeGroups()) {
                int target = targets.getOrDefault(g.id(), -1);
                groupOutcomes.putIfAbsent(
                        g.id(), new GroupOutcome(g.id(), target, target, g.maxSize(), -1, "", ""));
            }
            return new ScaleUpResult(
                    status,
                    summary,
                    outcomes,
                    new ArrayList<>(groupOutcomes.values()),
                    increases,
                    choice,
                    notes,
                    Optional.ofNullable(waitUntil));
        }
    }
}
