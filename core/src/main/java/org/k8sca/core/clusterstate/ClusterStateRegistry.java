package org.k8sca.core.clusterstate;

import org.k8sca.core.cloud.Instance;
import org.k8sca.core.cloud.InstanceError;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.cloud.InstanceState;
import org.k8sca.core.model.Node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The autoscaler's memory of node groups across loops. The loop calls {@link #update} once, right
 * after refreshing the cloud, then asks it questions ({@link #upcomingNodes()}, {@link
 * #isClusterHealthy()}, ...) and for plans ({@link #cleanupPlan()}, {@link #wrongSizePlan()}), and
 * tells it about its own scale-ups ({@link #registerScaleUp}, {@link #registerFailedScaleUp}).
 *
 * <p>Use in one loop (step numbers of the loop in spec/autoscaler-core.md §1.3):
 *
 * <pre>{@code
 * ClusterStateUpdate u = registry.update(ClusterView.read(provider, nodes, defaults)); // 14
 * executor.correct(u.reverts());                        // revert timed-out scale-ups; report u.events()
 * CleanupPlan cleanup = registry.cleanupPlan();
 * executor.delete(cleanup.unregistered());              // 16
 * if (!registry.isClusterHealthy()) return;             // 17, reason: clusterUnhealthyReason()
 * executor.delete(cleanup.failed());                    // 18
 * var fixes = registry.wrongSizePlan();                 // 19
 * if (!fixes.isEmpty()) { executor.correct(fixes); return; }
 * registry.upcomingNodes(); registry.backedOffGroups(); // 21-25: phantoms, skip backed-off groups
 * registry.registerScaleUp(group, delta);               // after a successful increaseSize
 * registry.status();                                    // 28: status ConfigMap
 * }</pre>
 *
 * <p>Where this differs from the upstream autoscaler, on purpose:
 *
 * <ul>
 *   <li>Upcoming nodes are counted whether or not this process made the scale-up and whether or not
 *       the group is backed off: machines that are really booting (after a restart of the
 *       autoscaler, or the healthy part of a partly failed scale-up) must not cause a second
 *       scale-up. Machines that failed or exceeded their provision time are never upcoming.
 *   <li>A machine that failed to create backs its group off even when no scale-up request is known
 *       (e.g. right after a restart).
 *   <li>A timed-out scale-up only asks to lower the target by the part the cloud has not even
 *       started (target minus listed machines); machines that exist are removed by the cleanup of
 *       long-unregistered instances instead.
 *   <li>Nodes whose machine is stopped in a warm pool ({@link InstanceState#STOPPED}) count neither
 *       as ready nor as unready, and not in the cluster's node total. A stopped machine without a
 *       node is not unregistered, not failed and not upcoming, and no plan ever deletes it or
 *       lowers a target because of it.
 *   <li>A node whose machine the provider says is gone ({@code hasInstance} false, see {@link
 *       ClusterView#nodesWithoutInstance()}) is counted as being deleted, like upstream's Deleted
 *       nodes, but in no group even if the provider still maps it to one: a server deleted by hand
 *       must not make its group or the cluster unhealthy while its Node lingers NotReady.
 *   <li>A registered node's startup time runs from the later of its creation and the moment its
 *       machine was last seen starting, so a pooled machine that is powered on again gets its full
 *       startup time instead of being unready at once.
 * </ul>
 *
 * <p>Not thread-safe: the loop owns it.
 */
public final class ClusterStateRegistry {

    private final ClusterStateConfig config;
    private final Clock clock;
    private final BackoffTracker backoffs;
    private final TransitionTimes transitions = new TransitionTimes();

    // Memory across loops.
    private final NodeClassifier classifier;
    private final Map<String, Instant> unregisteredSince = new HashMap<>();
    private Set<String> failedInstancesSeen = Set.of();
    private final Map<String, ScaleUpRequest> requests = new LinkedHashMap<>();
    private final Map<String, IncorrectSize> incorrectSizes = new HashMap<>();

    // Results of the last update.
    private Instant lastUpdate;
    private final Map<String, GroupSnapshot> groups = new LinkedHashMap<>();
    private final Map<String, NodeCategory> nodeCategories = new LinkedHashMap<>();
    private NodeCounts total = NodeCounts.ZERO;

    public ClusterStateRegistry(ClusterStateConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.classifier =
                new NodeClassifier(NodeReadinessRules.of(config), config.defaultOptions());
        this.backoffs =
                new BackoffTracker(
                        config.initialBackoff(), config.maxBackoff(), config.backoffResetTimeout());
    }

    // ---------------------------------------------------------------------------------------------
    // Update

    /**
     * Takes in this loop's view of the cloud and the nodes: classifies nodes, tracks unregistered
     * and failed instances, completes, fails or times out scale-up requests, and backs groups off.
     * Returns what to report and the target reverts of timed-out scale-ups to carry out now.
     */
    public ClusterStateUpdate update(ClusterView view) {
        Objects.requireNonNull(view, "view");
        Instant now = clock.instant();
        lastUpdate = now;

        Map<String, Instance> instanceById = new HashMap<>();
        Map<String, String> groupOfInstance = new HashMap<>();
        Map<String, NodeGroupView> groupById = new HashMap<>();
        for (NodeGroupView g : view.groups()) {
            groupById.put(g.id(), g);
            for (Instance i : g.instances()) {
                instanceById.put(i.id(), i);
                groupOfInstance.put(i.id(), g.id());
            }
        }
        classifier.observe(instanceById, view.nodes(), now);

        Map<String, CategoryCounter> counters = new LinkedHashMap<>();
        for (NodeGroupView g : view.groups()) {
            counters.put(g.id(), new CategoryCounter());
        }
        CategoryCounter outside = new CategoryCounter();
        Set<String> providerIdsWithNode = new HashSet<>();
        nodeCategories.clear();
        for (Node n : view.nodes()) {
            Instance inst = n.providerId().isEmpty() ? null : instanceById.get(n.providerId());
            if (inst != null) {
                providerIdsWithNode.add(inst.id());
            }
            boolean machineGone = view.nodesWithoutInstance().contains(n.name());
            String groupId = machineGone ? null : view.groupOfNode().get(n.name());
            if (groupId == null && inst != null && !machineGone) {
                groupId = groupOfInstance.get(inst.id());
            }
            NodeGroupView group = groupId == null ? null : groupById.get(groupId);
            NodeCategory category =
                    machineGone
                            ? NodeCategory.BEING_DELETED
                            : classifier.classify(n, inst, group, now);
            nodeCategories.put(n.name(), category);
            CategoryCounter c = group == null ? outside : counters.get(groupId);
            c.add(category, n.name());
        }

        groups.clear();
        Set<String> stillUnregistered = new HashSet<>();
        Set<String> failedNow = new HashSet<>();
        for (NodeGroupView g : view.groups()) {
            GroupSnapshot snap =
                    snapshotGroup(
                            g, counters.get(g.id()), providerIdsWithNode, stillUnregistered, now);
            groups.put(g.id(), snap);
            for (Instance i : snap.failed()) {
                failedNow.add(i.id());
            }
        }
        unregisteredSince.keySet().retainAll(stillUnregistered);

        List<ClusterStateEvent> events = new ArrayList<>();
        List<TargetSizeCorrection> reverts = new ArrayList<>();
        backoffs.retainGroups(groups.keySet());
        backoffs.forgetStale(now);
        handleNewCreationErrors(events, now);
        failedInstancesSeen = failedNow;
        handleRequests(events, reverts, now);
        trackIncorrectSizes(reverts, now);

        NodeCounts sum = outside.toCounts(0, 0, 0, 0, 0);
        for (GroupSnapshot s : groups.values()) {
            sum = sum.plus(s.counts());
        }
        total = sum;
        transitions.retainKeys(transitionKeys());
        observeTransitions(now);
        return new ClusterStateUpdate(events, reverts);
    }

    private GroupSnapshot snapshotGroup(
            NodeGroupView g,
            CategoryCounter nodes,
            Set<String> providerIdsWithNode,
            Set<String> stillUnregistered,
            Instant now) {
        Duration provisionTime = g.options().maxNodeProvisionTime();
        int unregistered = 0;
        int stopped = 0;
        int listed = 0;
        int withoutNode = 0;
        List<Instance> longUnregistered = new ArrayList<>();
        List<Instance> failed = new ArrayList<>();
        for (Instance i : g.instances()) {
            if (i.state() == InstanceState.STOPPED) {
                stopped++;
                continue;
            }
            listed++;
            if (providerIdsWithNode.contains(i.id())) {
                continue;
            }
            withoutNode++;
            if (i.state() == InstanceState.DELETING) {
                continue;
            }
            if (i.state() == InstanceState.CREATING && i.hasError()) {
                failed.add(i);
                continue;
            }
            unregistered++;
            stillUnregistered.add(i.id());
            Instant since =
                    unregisteredSince.computeIfAbsent(i.id(), id -> firstSightingTime(g.id(), now));
            if (now.isAfter(since.plus(provisionTime))) {
                longUnregistered.add(i);
            }
        }
        longUnregistered.sort(
                Comparator.comparing((Instance i) -> unregisteredSince.get(i.id()))
                        .thenComparing(Instance::id));
        int slotsWithoutInstance = Math.max(0, g.targetSize() - listed);
        int booting =
                nodes.notStarted + (unregistered - longUnregistered.size()) + slotsWithoutInstance;
        int cap =
                Math.max(0, g.targetSize() - nodes.ready - nodes.unready - longUnregistered.size());
        int upcoming = Math.min(booting, cap);
        NodeCounts counts =
                nodes.toCounts(
                        stopped, unregistered, longUnregistered.size(), failed.size(), upcoming);
        int existing = counts.registered() + withoutNode;
        return new GroupSnapshot(
                g,
                counts,
                List.copyOf(longUnregistered),
                List.copyOf(failed),
                List.copyOf(nodes.notStartedNames),
                slotsWithoutInstance,
                existing);
    }

    /**
     * When a machine seen for the first time started its provision time: a machine that appears
     * while its group has a scale-up in flight was asked for when the request was made, so that it
     * becomes long-unregistered exactly when the request times out.
     */
    private Instant firstSightingTime(String groupId, Instant now) {
        ScaleUpRequest r = requests.get(groupId);
        return r != null && r.requestedAt().isBefore(now) ? r.requestedAt() : now;
    }

    /**
     * Instances that newly failed to create back their group off at once and shrink its scale-up
     * request, so that the next loop can already pick another group.
     */
    private void handleNewCreationErrors(List<ClusterStateEvent> events, Instant now) {
        for (GroupSnapshot g : groups.values()) {
            Map<String, List<Instance>> byCause = new TreeMap<>();
            for (Instance i : g.failed()) {
                if (!failedInstancesSeen.contains(i.id())) {
                    InstanceError e = i.error();
                    byCause.computeIfAbsent(e.errorClass() + "." + e.code(), k -> new ArrayList<>())
                            .add(i);
                }
            }
            int newFailures = 0;
            for (List<Instance> same : byCause.values()) {
                InstanceError first = same.get(0).error();
                List<String> sources = new ArrayList<>();
                for (Instance i : same) {
                    if (!i.error().message().isEmpty() && !sources.contains(i.error().message())) {
                        sources.add(i.error().message());
                    }
                }
                ClusterStateEvent.ScaleUpFailed event =
                        new ClusterStateEvent.ScaleUpFailed(
                                g.id(), same.size(), first.errorClass(), first.code(), sources);
                events.add(event);
                backoffs.fail(g.id(), first.errorClass(), first.code(), event.message(), now);
                newFailures += same.size();
            }
            ScaleUpRequest r = requests.get(g.id());
            if (r != null && newFailures > 0) {
                int left = r.increase() - newFailures;
                if (left > 0) {
                    requests.put(
                            g.id(),
                            new ScaleUpRequest(g.id(), left, r.requestedAt(), r.expectedBy()));
                } else {
                    requests.remove(g.id());
                }
            }
        }
    }

    /** Completes requests with no upcoming nodes left; times out the ones past their deadline. */
    private void handleRequests(
            List<ClusterStateEvent> events, List<TargetSizeCorrection> reverts, Instant now) {
        for (ScaleUpRequest r : List.copyOf(requests.values())) {
            GroupSnapshot g = groups.get(r.groupId());
            if (g == null) {
                requests.remove(r.groupId());
                continue;
            }
            boolean pastDeadline = now.isAfter(r.expectedBy());
            // Past the deadline, machines that never registered are long-unregistered and no longer
            // upcoming; that is a timeout, not a completion.
            boolean arrived =
                    g.counts().upcoming() == 0
                            && !(pastDeadline && g.counts().longUnregistered() > 0);
            if (arrived) {
                events.add(
                        new ClusterStateEvent.ScaleUpCompleted(
                                r.groupId(), r.increase(), r.requestedAt(), now));
                requests.remove(r.groupId());
            } else if (pastDeadline) {
                Duration provisionTime = g.view().options().maxNodeProvisionTime();
                ClusterStateEvent.ScaleUpTimedOut event =
                        new ClusterStateEvent.ScaleUpTimedOut(
                                r.groupId(), r.increase(), provisionTime);
                events.add(event);
                backoffs.fail(r.groupId(), ErrorClass.OTHER, "timeout", event.message(), now);
                int revert = Math.min(r.increase(), g.slotsWithoutInstance());
                if (revert > 0) {
                    reverts.add(
                            new TargetSizeCorrection(
                                    r.groupId(),
                                    -revert,
                                    TargetSizeCorrection.Reason.SCALE_UP_TIMEOUT,
                                    event.message()
                                            + "; lowering the target by the "
                                            + revert
                                            + " node(s) the cloud has not started"));
                }
                requests.remove(r.groupId());
            }
        }
    }

    /**
     * Remembers since when each group's target has been above what exists. Groups with a scale-up
     * in flight (or just reverted) are left to the request's own timeout.
     */
    private void trackIncorrectSizes(List<TargetSizeCorrection> reverts, Instant now) {
        Set<String> reverted = new HashSet<>();
        for (TargetSizeCorrection c : reverts) {
            reverted.add(c.groupId());
        }
        incorrectSizes.keySet().retainAll(groups.keySet());
        for (GroupSnapshot g : groups.values()) {
            int target = g.view().targetSize();
            if (requests.containsKey(g.id())
                    || reverted.contains(g.id())
                    || target <= g.existing()) {
                incorrectSizes.remove(g.id());
                continue;
            }
            IncorrectSize previous = incorrectSizes.get(g.id());
            if (previous == null
                    || previous.target() != target
                    || previous.existing() != g.existing()) {
                incorrectSizes.put(g.id(), new IncorrectSize(target, g.existing(), now));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // What the loop tells the registry

    /**
     * Records that the core just raised {@code groupId}'s target by {@code delta}. The new nodes
     * are expected within the group's max-node-provision-time; a request already in flight is
     * extended.
     */
    public void registerScaleUp(String groupId, int delta) {
        if (delta <= 0) {
            throw new IllegalArgumentException(
                    "scale-up of node group " + groupId + " must be positive, got " + delta);
        }
        GroupSnapshot g = requireGroup(groupId);
        Instant now = clock.instant();
        Instant expectedBy = now.plus(g.view().options().maxNodeProvisionTime());
        ScaleUpRequest previous = requests.get(groupId);
        int increase = previous == null ? delta : previous.increase() + delta;
        requests.put(groupId, new ScaleUpRequest(groupId, increase, now, expectedBy));
        incorrectSizes.remove(groupId);
    }

    /** Records that increasing {@code groupId} failed (e.g. the cloud refused it): backs it off. */
    public Backoff registerFailedScaleUp(
            String groupId, ErrorClass errorClass, String errorCode, String message) {
        requireGroup(groupId);
        return backoffs.fail(groupId, errorClass, errorCode, message, clock.instant());
    }

    private GroupSnapshot requireGroup(String groupId) {
        if (lastUpdate == null) {
            throw new IllegalStateException(
                    "cluster state not updated yet; node group " + groupId + " is unknown");
        }
        GroupSnapshot g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException(
                    "unknown node group "
                            + groupId
                            + " (known: "
                            + String.join(", ", groups.keySet())
                            + ")");
        }
        return g;
    }

    // ---------------------------------------------------------------------------------------------
    // Views for the planners

    /**
     * Group id → nodes on their way that pending pods may count on: registered nodes still booting,
     * machines still within their provision time, and requested machines the cloud does not list
     * yet; capped at target − ready − unready − long-unregistered. Only groups with at least one.
     */
    public Map<String, Integer> upcomingNodes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (GroupSnapshot g : groups.values()) {
            if (g.counts().upcoming() > 0) {
                out.put(g.id(), g.counts().upcoming());
            }
        }
        return out;
    }

    /**
     * Group id → names of its registered nodes that are still booting. They are part of {@link
     * #upcomingNodes()}, so the snapshot should hold them as upcoming nodes only, not also as real
     * ones (and scale-down must not pick them).
     */
    public Map<String, List<String>> upcomingRegisteredNodes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (GroupSnapshot g : groups.values()) {
            if (!g.notStartedNodes().isEmpty()) {
                out.put(g.id(), g.notStartedNodes());
            }
        }
        return out;
    }

    /** Group id → why it must not be scaled up now, for groups in backoff. */
    public Map<String, String> backedOffGroups() {
        Instant now = clock.instant();
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : groups.keySet()) {
            backoffs.active(id, now).ifPresent(b -> out.put(id, b.reason()));
        }
        return out;
    }

    /** Group id → why it must not be scaled up now: in backoff, or unhealthy. */
    public Map<String, String> scaleUpBlockedGroups() {
        Map<String, String> out = new LinkedHashMap<>(backedOffGroups());
        for (GroupSnapshot g : groups.values()) {
            if (!out.containsKey(g.id()) && !isGroupHealthy(g)) {
                out.put(
                        g.id(),
                        "node group is unhealthy: "
                                + g.counts().unready()
                                + " unready, "
                                + g.counts().ready()
                                + " ready of target "
                                + g.view().targetSize());
            }
        }
        return out;
    }

    /** The group's scale-up in flight, if any. */
    public Optional<ScaleUpRequest> scaleUpRequest(String groupId) {
        return Optional.ofNullable(requests.get(groupId));
    }

    /** How each node was classified in the last update, by node name. */
    public Map<String, NodeCategory> nodeCategories() {
        return Map.copyOf(nodeCategories);
    }

    // ---------------------------------------------------------------------------------------------
    // Health

    /**
     * The health gate: unhealthy when more than {@code --ok-total-unready-count} nodes are unready
     * and they are more than {@code --max-total-unready-percentage} of all nodes (stopped ones not
     * counted). Healthy before the first update. When unhealthy, the loop neither scales up nor
     * down.
     */
    public boolean isClusterHealthy() {
        return !tooManyUnready(total.unready(), total.registered());
    }

    /** Why the cluster is unhealthy, or empty when it is healthy. */
    public Optional<String> clusterUnhealthyReason() {
        if (isClusterHealthy()) {
            return Optional.empty();
        }
        return Optional.of(
                total.unready()
                        + " of "
                        + total.registered()
                        + " nodes are unready (more than "
                        + config.okTotalUnreadyCount()
                        + " and more than "
                        + config.maxTotalUnreadyPercentage()
                        + "%)");
    }

    /** Whether the group may be scaled up as far as its readiness goes (backoff aside). */
    public boolean isGroupHealthy(String groupId) {
        GroupSnapshot g = groups.get(groupId);
        return g == null || isGroupHealthy(g);
    }

    private boolean isGroupHealthy(GroupSnapshot g) {
        NodeCounts c = g.counts();
        ScaleUpRequest r = requests.get(g.id());
        int acceptableMin =
                g.view().targetSize() - (r == null ? 0 : r.increase()) - c.longUnregistered();
        int counted = c.ready() + c.unready() + c.notStarted();
        if (counted == 0) {
            return g.view().targetSize() == 0 || acceptableMin <= 0;
        }
        int unjustifiedUnready = acceptableMin - c.ready();
        return !tooManyUnready(unjustifiedUnready, counted);
    }

    private boolean tooManyUnready(int unready, int all) {
        return unready > config.okTotalUnreadyCount()
                && unready * 100.0 > config.maxTotalUnreadyPercentage() * all;
    }

    // ---------------------------------------------------------------------------------------------
    // Plans

    /**
     * Long-unregistered and failed instances to delete, per group, never taking a group below its
     * min size unless the matching force flag is set. Computed from the last update.
     */
    public CleanupPlan cleanupPlan() {
        List<InstanceDeletion> unregistered = new ArrayList<>();
        List<InstanceDeletion> failed = new ArrayList<>();
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (GroupSnapshot g : groups.values()) {
            int budget = Math.max(0, g.view().targetSize() - g.view().minSize());
            int takeUnregistered =
                    config.forceDeleteUnregisteredNodes()
                            ? g.longUnregistered().size()
                            : Math.min(budget, g.longUnregistered().size());
            budget = Math.max(0, budget - takeUnregistered);
            int takeFailed =
                    config.forceDeleteFailedNodes()
                            ? g.failed().size()
                            : Math.min(budget, g.failed().size());
            if (takeUnregistered > 0) {
                unregistered.add(
                        new InstanceDeletion(
                                g.id(),
                                g.longUnregistered().subList(0, takeUnregistered),
                                InstanceDeletion.Reason.UNREGISTERED));
            }
            if (takeFailed > 0) {
                failed.add(
                        new InstanceDeletion(
                                g.id(),
                                g.failed().subList(0, takeFailed),
                                InstanceDeletion.Reason.CREATE_ERROR));
            }
            int left =
                    g.longUnregistered().size() - takeUnregistered + g.failed().size() - takeFailed;
            if (left > 0) {
                kept.put(g.id(), left);
            }
        }
        return new CleanupPlan(unregistered, failed, kept);
    }

    /**
     * Groups whose target has stayed above what exists (registered nodes plus machines without a
     * node) for longer than their max-node-provision-time: lower the target by the difference. The
     * loop ends after carrying these out.
     */
    public List<TargetSizeCorrection> wrongSizePlan() {
        Instant now = clock.instant();
        List<TargetSizeCorrection> out = new ArrayList<>();
        for (GroupSnapshot g : groups.values()) {
            IncorrectSize s = incorrectSizes.get(g.id());
            Duration provisionTime = g.view().options().maxNodeProvisionTime();
            if (s != null && now.isAfter(s.since().plus(provisionTime))) {
                out.add(
                        new TargetSizeCorrection(
                                g.id(),
                                -s.missing(),
                                TargetSizeCorrection.Reason.WRONG_SIZE,
                                "target size "
                                        + s.target()
                                        + " of node group "
                                        + g.id()
                                        + " has been above the "
                                        + s.existing()
                                        + " machine(s) that exist since "
                                        + s.since()
                                        + ", longer than "
                                        + DurationText.of(provisionTime)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Status

    /** Totals over all nodes in the last update, nodes outside node groups included. */
    public NodeCounts totalCounts() {
        return total;
    }

    public Optional<NodeGroupStatus> groupStatus(String groupId) {
        GroupSnapshot g = groups.get(groupId);
        return g == null ? Optional.empty() : Optional.of(groupStatus(g, clock.instant()));
    }

    /**
     * The whole status, for the status ConfigMap. Empty groups and zero counts before the first
     * update.
     */
    public ClusterStatus status() {
        return status(clock.instant());
    }

    private ClusterStatus status(Instant now) {
        List<NodeGroupStatus> out = new ArrayList<>();
        for (GroupSnapshot g : groups.values()) {
            out.add(groupStatus(g, now));
        }
        Health health = isClusterHealthy() ? Health.HEALTHY : Health.UNHEALTHY;
        ScaleUpActivity scaleUp =
                requests.isEmpty() ? ScaleUpActivity.NO_ACTIVITY : ScaleUpActivity.IN_PROGRESS;
        Instant probe = lastUpdate == null ? now : lastUpdate;
        return new ClusterStatus(
                health,
                transitions.observe("cluster/health", health, now),
                total,
                scaleUp,
                transitions.observe("cluster/scaleUp", scaleUp, now),
                probe,
                out);
    }

    private NodeGroupStatus groupStatus(GroupSnapshot g, Instant now) {
        Health health = isGroupHealthy(g) ? Health.HEALTHY : Health.UNHEALTHY;
        Optional<Backoff> backoff = backoffs.active(g.id(), now);
        ScaleUpRequest request = requests.get(g.id());
        ScaleUpActivity activity;
        if (backoff.isPresent()) {
            activity = ScaleUpActivity.BACKOFF;
        } else if (health == Health.UNHEALTHY) {
            activity = ScaleUpActivity.UNHEALTHY;
        } else if (request != null) {
            activity = ScaleUpActivity.IN_PROGRESS;
        } else {
            activity = ScaleUpActivity.NO_ACTIVITY;
        }
        NodeGroupView v = g.view();
        return new NodeGroupStatus(
                v.id(),
                v.minSize(),
                v.maxSize(),
                v.targetSize(),
                g.counts(),
                health,
                transitions.observe("group/" + v.id() + "/health", health, now),
                activity,
                transitions.observe("group/" + v.id() + "/scaleUp", activity, now),
                Optional.ofNullable(request),
                backoff,
                Optional.ofNullable(incorrectSizes.get(v.id())),
                lastUpdate);
    }

    /**
     * Records health and scale-up transitions as of this update, even if nobody asks for the
     * status.
     */
    private void observeTransitions(Instant now) {
        status(now);
    }

    private Set<String> transitionKeys() {
        Set<String> keys = new HashSet<>(Set.of("cluster/health", "cluster/scaleUp"));
        for (String id : groups.keySet()) {
            keys.add("group/" + id + "/health");
            keys.add("group/" + id + "/scaleUp");
        }
        return keys;
    }
}
