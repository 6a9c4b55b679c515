package org.k8sca.app.decide;

import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.clusterstate.CleanupPlan;
import org.k8sca.core.clusterstate.ClusterStateRegistry;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterView;
import org.k8sca.core.clusterstate.NodeGroupView;
import org.k8sca.core.clusterstate.TargetSizeCorrection;
import org.k8sca.core.expander.ExpanderChain;
import org.k8sca.core.expander.ExpanderDependencies;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownInput;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.ScaleDownPlanner;
import org.k8sca.core.scaledown.drain.ControllerKey;
import org.k8sca.core.scaledown.drain.WorkloadControllers;
import org.k8sca.core.scaledown.unneeded.Cooldown;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.ScaleUpInput;
import org.k8sca.core.scaleup.ScaleUpPlanner;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.template.GroupTemplate;
import org.k8sca.core.template.TemplateNodeBuilder;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.objects.SnapshotBuilder;
import org.k8sca.kube.objects.Workload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Runs one full planning pass and carries nothing out. Created once per process: it holds what the
 * autoscaler remembers from loop to loop (the cluster-state registry with its scale-up requests and
 * backoffs, the template cache, the scale-down planner's unneeded timers, and the times that put
 * scale-down in cooldown). Tell it what the loop did with {@link #scaleUpDone}, {@link
 * #scaleDownFailed} and {@link #deletionsStarted}, and register scale-ups on {@link #registry()}.
 *
 * <p>A pass, in upstream's order (spec autoscaler-core.md §1.3): drop standby nodes; update the
 * cluster state from the provider and the nodes; build the snapshot and the templates; plan the
 * cleanups; stop at the health gate or at pending target corrections; otherwise plan the scale-up
 * (upcoming nodes as template copies, backed-off and unhealthy groups excluded) and the scale-down.
 *
 * <p>Not thread-safe: one loop owns it.
 */
public final class DecisionPass {

    /** Key of the priority expander's ConfigMap that holds its configuration. */
    public static final String PRIORITIES_KEY = "priorities";

    private final DecisionSettings settings;
    private final Clock clock;
    private final ClusterStateRegistry registry;
    private final TemplateNodeBuilder templates;
    private final ScaleDownPlanner scaleDownPlanner;
    private final Random random;

    /** The priority expander's text of the current pass; read by the expander while planning. */
    private volatile String priorities;

    private CloudProvider plannerProvider;
    private ScaleUpPlanner scaleUpPlanner;

    private Instant lastScaleUp;
    private Instant lastScaleDownFailure;
    private Instant lastDeletionStart;

    public DecisionPass(DecisionSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = new ClusterStateRegistry(settings.clusterState(), clock);
        this.templates = new TemplateNodeBuilder(clock);
        this.scaleDownPlanner = new ScaleDownPlanner(settings.scaleDown(), clock);
        this.random = new Random(settings.randomSeed());
        // Fail at start-up, not in the first loop, on a bad --expander (pricing is checked per
        // provider).
        settings.checkExpander();
    }

    public DecisionSettings settings() {
        return settings;
    }

    /** The cluster-state registry: register scale-ups and failed scale-ups on it. */
    public ClusterStateRegistry registry() {
        return registry;
    }

    /**
     * A scale-up succeeded at {@code at}: scale-down waits {@code --scale-down-delay-after-add}.
     */
    public void scaleUpDone(Instant at) {
        lastScaleUp = Objects.requireNonNull(at, "at");
    }

    /**
     * Tainting for a scale-down failed at {@code at}: waits {@code
     * --scale-down-delay-after-failure}.
     */
    public void scaleDownFailed(Instant at) {
        lastScaleDownFailure = Objects.requireNonNull(at, "at");
    }

    /** Deletions started at {@code at}: waits {@code --scale-down-delay-after-delete}. */
    public void deletionsStarted(Instant at) {
        lastDeletionStart = Objects.requireNonNull(at, "at");
    }

    /** Forgets the unneeded timers (the cluster is unhealthy). */
    public void resetScaleDownTimers() {
        scaleDownPlanner.resetTimers();
    }

    /** A pass with no deletions in flight (for {@code simulate}). */
    public Decision decide(ClusterObjects objects, CloudProvider provider) {
        return decide(objects, provider, InFlightDeletions.NONE);
    }

    /**
     * Plans one loop.
     *
     * @param objects the cluster as the informers see it now
     * @param provider the cloud provider, already refreshed for this loop
     * @param inFlight the deletions the actuator is running
     * @throws CloudProviderException when reading the provider's groups fails (the loop counts it
     *     as a cloud-provider error and tries again next loop)
     */
    public Decision decide(
            ClusterObjects objects, CloudProvider provider, InFlightDeletions inFlight) {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(inFlight, "inFlight");
        Instant at = clock.instant();
        priorities = objects.priorityExpanderConfig().get(PRIORITIES_KEY);

        // Warm-pool machines are NotReady on purpose: not unready, not a place for pods, not a
        // candidate.
        List<Node> nodes = new ArrayList<>();
        for (Node n : objects.nodes()) {
            if (!provider.isStandby(n)) {
                nodes.add(n);
            }
        }
        if (!settings.scaleUpFromZero() && nodes.stream().noneMatch(Node::ready)) {
            // Upstream's guard when scaling up from zero is off: an empty or all-unready cluster
            // is more likely broken than in need of nodes.
            scaleDownPlanner.resetTimers();
            String why =
                    (nodes.isEmpty()
                                    ? "the cluster has no nodes"
                                    : "the cluster has no Ready nodes")
                            + " and --scale-up-from-zero=false";
            return new Decision(
                    at,
                    registry.status(),
                    new ClusterStateUpdate(List.of(), List.of()),
                    CleanupPlan.EMPTY,
                    List.of(),
                    true,
                    Optional.empty(),
                    Optional.of(why),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of());
        }
        ClusterView view = ClusterView.read(provider, nodes, settings.groupDefaults());
        ClusterStateUpdate update = registry.update(view);

        ClusterObjects active = withNodes(objects, nodes);
        ClusterSnapshot snapshot =
                SnapshotBuilder.build(active, settings.scaleUp().expendablePodsPriorityCutoff());
        Map<String, GroupTemplate> groupTemplates =
                templates.build(provider, snapshot, objects.daemonSets());

        CleanupPlan cleanup = registry.cleanupPlan();
        boolean healthy = registry.isClusterHealthy();
        Optional<String> unhealthyReason = registry.clusterUnhealthyReason();
        if (!healthy) {
            scaleDownPlanner.resetTimers();
            return new Decision(
                    at,
                    registry.status(),
                    update,
                    cleanup,
                    List.of(),
                    false,
                    unhealthyReason,
                    Optional.of("cluster is unhealthy: " + unhealthyReason.orElse("")),
                    groupTemplates,
                    Optional.empty(),
                    Optional.empty(),
                    List.of());
        }
        List<TargetSizeCorrection> wrongSize = registry.wrongSizePlan();
        if (!wrongSize.isEmpty()) {
            return new Decision(
                    at,
                    registry.status(),
                    update,
                    cleanup,
                    wrongSize,
                    true,
                    Optional.empty(),
                    Optional.of(
                            wrongSize.size()
                                    + " node group(s) have a target size above their real size;"
                                    + " correcting it first"),
                    groupTemplates,
                    Optional.empty(),
                    Optional.empty(),
                    List.of());
        }

        // Registered nodes still booting are simulated as template copies, not as themselves.
        for (List<String> booting : registry.upcomingRegisteredNodes().values()) {
            for (String name : booting) {
                if (snapshot.nodeInfo(name) != null) {
                    snapshot.removeNode(name);
                }
            }
        }
        List<Pod> pending = unschedulablePods(objects);
        // Scale-down still sees drained pods where they are: its simulation does not move them.
        snapshot.fork();
        ScaleUpResult scaleUp;
        try {
            pending.addAll(takePodsOfDrainedNodes(snapshot, inFlight));
            scaleUp =
                    scaleUpPlanner(provider)
                            .plan(
                                    new ScaleUpInput(
                                            snapshot,
                                            pending,
                                            provider,
                                            groupTemplates,
                                            registry.upcomingNodes(),
                                            registry.scaleUpBlockedGroups()));
        } finally {
            snapshot.revert();
        }

        Optional<ScaleDownPlan> scaleDown = Optional.empty();
        if (settings.scaleDownEnabled()) {
            boolean disabledThisLoop =
                    scaleUp.status() == ScaleUpStatus.SCALE_UP
                            || scaleUp.status() == ScaleUpStatus.WAITING_FOR_MORE_PODS;
            scaleDown =
                    Optional.of(
                            scaleDownPlanner.plan(
                                    new ScaleDownInput(
                                            snapshot,
                                            view.groupOfNode(),
                                            scaleDownGroups(view, inFlight),
                                            inFlight.nodes(),
                                            objects.disruptionBudgets(),
                                            controllers(objects),
                                            new Cooldown(
                                                    lastScaleUp,
                                                    lastScaleDownFailure,
                                                    lastDeletionStart,
                                                    disabledThisLoop),
                                            inFlight.emptyCount(),
                                            inFlight.drainCount(),
                                            provider.resourceLimits(),
                                            provider.gpuLabel())));
        }
        return new Decision(
                at,
                registry.status(),
                update,
                cleanup,
                List.of(),
                true,
                Optional.empty(),
                Optional.empty(),
                groupTemplates,
                Optional.of(scaleUp),
                scaleDown,
                minSizeIncreases(view, scaleUp));
    }

    /**
     * With {@code --enforce-node-group-min-size}: groups below min that may grow and are not
     * growing now.
     */
    private List<GroupIncrease> minSizeIncreases(ClusterView view, ScaleUpResult scaleUp) {
        if (!settings.enforceNodeGroupMinSize()) {
            return List.of();
        }
        Map<String, String> blocked = registry.scaleUpBlockedGroups();
        List<GroupIncrease> out = new ArrayList<>();
        for (NodeGroupView g : view.groups()) {
            boolean growing =
                    scaleUp.increases().stream().anyMatch(i -> i.nodeGroupId().equals(g.id()));
            if (g.targetSize() < g.minSize() && !growing && !blocked.containsKey(g.id())) {
                out.add(new GroupIncrease(g.id(), g.targetSize(), g.minSize(), g.maxSize()));
            }
        }
        return out;
    }

    /**
     * The pods that nodes being drained still hold will need a place elsewhere: those nodes are
     * taken out of the (forked) snapshot and their pods planned as pending pods, so that a scale-up
     * for them starts now rather than after their eviction (upstream §2.2). Pods already evicted
     * are terminating and ignored; their replacements show up as pending pods of their own.
     * DaemonSet and mirror pods go with the node.
     */
    private static List<Pod> takePodsOfDrainedNodes(
            ClusterSnapshot snapshot, InFlightDeletions inFlight) {
        List<Pod> out = new ArrayList<>();
        for (String node : inFlight.nodes()) {
            org.k8sca.core.snapshot.NodeInfo info = snapshot.nodeInfo(node);
            if (info == null) {
                continue;
            }
            for (Pod p : List.copyOf(info.pods())) {
                if (p.isMirror() || p.isDaemonSetPod() || p.terminating()) {
                    continue;
                }
                out.add(p.withNodeName(""));
            }
            // The node is going away: nothing may be planned onto it, even before its taint is
            // seen.
            snapshot.removeNode(node);
        }
        return out;
    }

    /**
     * The planner for this provider; rebuilt when the provider changes, since the price expander
     * needs its prices.
     */
    private ScaleUpPlanner scaleUpPlanner(CloudProvider provider) {
        if (scaleUpPlanner == null || plannerProvider != provider) {
            ExpanderChain chain =
                    ExpanderChain.parse(
                            settings.expander(),
                            new ExpanderDependencies(random, () -> priorities, provider.pricing()));
            scaleUpPlanner = new ScaleUpPlanner(settings.scaleUp(), chain, clock);
            plannerProvider = provider;
        }
        return scaleUpPlanner;
    }

    /**
     * Pods the scheduler could not place, and pods of bypassed schedulers it has not looked at yet;
     * only pods of the allowed schedulers when {@code --allowed-scheduler-names} is set.
     */
    private List<Pod> unschedulablePods(ClusterObjects objects) {
        List<Pod> out = new ArrayList<>();
        for (ObservedPod p :
                objects.podsIn(SchedulingState.UNSCHEDULABLE, SchedulingState.UNPROCESSED)) {
            if (!settings.allowedSchedulerNames().isEmpty()
                    && !settings.allowedSchedulerNames().contains(p.schedulerName())) {
                continue;
            }
            if (p.state() == SchedulingState.UNPROCESSED
                    && !settings.bypassedSchedulerNames().contains(p.schedulerName())) {
                continue;
            }
            out.add(p.pod());
        }
        return out;
    }

    private static Map<String, org.k8sca.core.scaledown.selection.NodeGroupView> scaleDownGroups(
            ClusterView view, InFlightDeletions inFlight) {
        Map<String, org.k8sca.core.scaledown.selection.NodeGroupView> out = new HashMap<>();
        for (NodeGroupView g : view.groups()) {
            out.put(
                    g.id(),
                    new org.k8sca.core.scaledown.selection.NodeGroupView(
                            g.id(),
                            g.minSize(),
                            g.targetSize(),
                            inFlight.perGroup().getOrDefault(g.id(), 0),
                            g.options()));
        }
        return out;
    }

    /**
     * Every workload controller with its desired replicas; DaemonSets count as existing
     * controllers.
     */
    static WorkloadControllers controllers(ClusterObjects objects) {
        Map<ControllerKey, Integer> replicas = new HashMap<>();
        for (Workload w : objects.workloadsByUid().values()) {
            replicas.put(new ControllerKey(w.kind(), w.namespace(), w.name()), w.desiredReplicas());
        }
        for (DaemonSet d : objects.daemonSets()) {
            replicas.put(new ControllerKey("DaemonSet", d.namespace(), d.name()), 1);
        }
        return new WorkloadControllers(replicas);
    }

    private static ClusterObjects withNodes(ClusterObjects o, List<Node> nodes) {
        if (nodes.size() == o.nodes().size()) {
            return o;
        }
        return new ClusterObjects(
                o.version(),
                nodes,
                o.pods(),
                o.disruptionBudgets(),
                o.daemonSets(),
                o.workloadsByUid(),
                o.namespaceLabels(),
                o.priorityExpanderConfig());
    }
}
