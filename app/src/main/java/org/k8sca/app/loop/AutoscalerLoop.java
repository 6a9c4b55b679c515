package org.k8sca.app.loop;

import org.k8sca.app.decide.Decision;
import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.metrics.AutoscalerMetrics.Function;
import org.k8sca.core.cloud.CloudProvider;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.core.cloud.NodeGroup;
import org.k8sca.core.clusterstate.ActionOutcome;
import org.k8sca.core.clusterstate.InstanceDeletion;
import org.k8sca.core.clusterstate.PlanExecutor;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.ClusterOperationException;
import org.k8sca.core.scaledown.actuation.ClusterOperations;
import org.k8sca.core.scaledown.actuation.DeletionRequest;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.actuation.StartResult;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.ScaleUpExecutor;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.ops.AutoscalerTaints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One iteration of the autoscaler, in upstream's order (spec autoscaler-core.md §1.3): refresh the
 * cloud provider, clean leftover deletion taints (first loop only), plan with the {@link
 * DecisionPass}, revert timed-out scale-ups, delete long-unregistered machines and the Node objects
 * whose server is gone ({@link NodesWithoutServerCleanup}), stop at the health gate, delete
 * machines that failed to create, correct wrong target sizes (and stop), scale up, start scale-down
 * deletions; observers are told along the way.
 *
 * <p>Nothing is retried within a loop: the next loop starts from fresh state. Only the loop thread
 * calls {@link #runOnce}.
 */
public final class AutoscalerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(AutoscalerLoop.class);

    /** The taint a previous autoscaler may have left on a node it was deleting. */
    private static final String TO_BE_DELETED = AutoscalerTaints.TO_BE_DELETED;

    private final Clock clock;
    private final CloudProvider provider;
    private final Supplier<ClusterObjects> cluster;
    private final DecisionPass pass;
    private final ActuatorRunner actuator;
    private final ClusterOperations operations;
    private final NodeMarks marks;
    private final List<LoopObserver> observers;
    private final NodesWithoutServerCleanup nodesWithoutServer;
    private boolean firstLoop = true;

    /** Time spent in observers during the current loop, reported as the {@code observers} phase. */
    private Duration inObservers = Duration.ZERO;

    /**
     * @param clock the time of every decision (injected so tests move it)
     * @param provider the cloud provider, refreshed at the start of each loop
     * @param cluster the current cluster objects (the informers' view)
     * @param pass the planner, created once per process
     * @param actuator runs node deletions; ticked by another thread
     * @param operations the Kubernetes operations (start-up taint cleanup, events)
     * @param marks soft taints on unneeded nodes
     * @param observers told what each loop saw and did, in this order
     */
    public AutoscalerLoop(
            Clock clock,
            CloudProvider provider,
            Supplier<ClusterObjects> cluster,
            DecisionPass pass,
            ActuatorRunner actuator,
            ClusterOperations operations,
            NodeMarks marks,
            List<LoopObserver> observers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.pass = Objects.requireNonNull(pass, "pass");
        this.actuator = Objects.requireNonNull(actuator, "actuator");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.observers = List.copyOf(observers);
        this.nodesWithoutServer =
                new NodesWithoutServerCleanup(
                        provider, operations, pass.settings().scaleDown().deleteNodeObjects());
    }

    /** Runs one loop that starts at {@code now}; never throws. */
    public LoopOutcome runOnce(Instant now) {
        inObservers = Duration.ZERO;
        notify("loopStarted", o -> o.loopStarted(now));
        LoopOutcome outcome;
        try {
            outcome = iterate(now);
        } catch (CloudProviderException e) {
            LOG.error("Cloud provider error in the loop: {}", e.getMessage());
            outcome = LoopOutcome.failed(e);
        } catch (RuntimeException e) {
            LOG.error("Loop failed", e);
            outcome = LoopOutcome.failed(e);
        }
        List<DeletionResult> finished = actuator.takeFinished();
        if (!finished.isEmpty()) {
            for (DeletionResult r : finished) {
                LOG.info(
                        "Deletion of node {} (group {}) {}: {}",
                        r.nodeName(),
                        r.groupId(),
                        r.success() ? "succeeded" : "failed",
                        r.message());
            }
            notify("deletionsFinished", o -> o.deletionsFinished(finished));
        }
        int pending = actuator.inFlight().nodes().size();
        notify("pendingNodeDeletions", o -> o.pendingNodeDeletions(pending));
        Duration observersTook = inObservers;
        notify("phaseTimed", o -> o.phaseTimed(Function.OBSERVERS, observersTook));
        Duration took = Duration.between(now, clock.instant());
        Optional<Throwable> error = outcome.error();
        notify("loopFinished", o -> o.loopFinished(now, took, error));
        return outcome;
    }

    private LoopOutcome iterate(Instant now) {
        Instant phaseStart = clock.instant();
        try {
            provider.refresh();
        } catch (CloudProviderException e) {
            LOG.error("Failed to refresh cloud provider config: {}", e.getMessage());
            return LoopOutcome.failed(e);
        } finally {
            timed(Function.CLOUD_PROVIDER_REFRESH, phaseStart);
        }
        ClusterObjects objects = cluster.get();
        notify("clusterObjects", o -> o.clusterObjects(objects));
        if (firstLoop) {
            removeLeftoverDeletionTaints(objects);
            firstLoop = false;
        }

        phaseStart = clock.instant();
        Decision d;
        try {
            d = pass.decide(objects, provider, actuator.inFlight());
        } finally {
            timed(Function.DECIDE, phaseStart);
        }
        notify("clusterState", o -> o.clusterState(d.status(), d.stateUpdate()));
        d.stateUpdate().events().forEach(e -> LOG.info("Cluster state: {}", e));
        PlanExecutor executor = PlanExecutor.forProvider(provider);
        report(executor.correct(d.stateUpdate().reverts()));
        removeUnregistered(executor, d.cleanup().unregistered());
        // Like the unregistered machines, before the health gate: Nodes whose server is gone are
        // cleaned up even in an unhealthy cluster.
        nodesWithoutServer.run(objects.nodes(), actuator.inFlight().nodes(), now);
        if (!d.healthy()) {
            LOG.warn(
                    "Cluster is unhealthy, skipping scale-up and scale-down: {}",
                    d.unhealthyReason().orElse(""));
            return LoopOutcome.IDLE;
        }
        report(executor.delete(d.cleanup().failed()));
        if (!d.wrongSize().isEmpty()) {
            LOG.warn("Correcting node group target sizes, skipping the rest of the loop");
            report(executor.correct(d.wrongSize()));
            return LoopOutcome.IDLE;
        }

        if (d.scaleUp().isEmpty()) {
            LOG.info(
                    "Skipping scale-up and scale-down: {}",
                    d.stopReason().orElse("nothing to plan"));
            return LoopOutcome.IDLE;
        }

        boolean productive = false;
        ScaleUpResult up = d.scaleUp().get();
        List<IncreaseAttempt> attempts = List.of();
        phaseStart = clock.instant();
        if (up.status() == ScaleUpStatus.SCALE_UP) {
            LOG.info("Scale-up: {}", up.summary());
            attempts = ScaleUpExecutor.execute(up.increases(), provider);
            productive = registerScaleUps(attempts, now);
        }
        if (!d.minSizeIncreases().isEmpty()) {
            LOG.info(
                    "Raising node groups to their min size (--enforce-node-group-min-size): {}",
                    d.minSizeIncreases().stream().map(GroupIncrease::describe).toList());
            List<IncreaseAttempt> minSize = ScaleUpExecutor.execute(d.minSizeIncreases(), provider);
            productive |= registerScaleUps(minSize, now);
            attempts = new ArrayList<>(attempts);
            attempts.addAll(minSize);
        }
        timed(Function.SCALE_UP, phaseStart);
        List<IncreaseAttempt> executed = attempts;
        notify("scaleUp", o -> o.scaleUp(up, executed));
        // After a loop that waited for more pods, plan again when the batching window ends.
        Optional<Instant> nextLoopBy = up.waitUntil();

        if (d.scaleDown().isPresent()) {
            ScaleDownPlan plan = d.scaleDown().get();
            phaseStart = clock.instant();
            applySoftTaints(plan);
            timed(Function.SCALE_DOWN_SOFT_TAINT_UNNEEDED, phaseStart);
            phaseStart = clock.instant();
            productive |= startDeletions(plan, objects, now);
            timed(Function.SCALE_DOWN_NODE_DELETION, phaseStart);
            notify("scaleDown", o -> o.scaleDown(plan));
        }
        return new LoopOutcome(productive, Optional.empty(), nextLoopBy);
    }

    private boolean registerScaleUps(List<IncreaseAttempt> attempts, Instant now) {
        boolean any = false;
        for (IncreaseAttempt a : attempts) {
            String group = a.increase().nodeGroupId();
            switch (a.outcome()) {
                case SUCCEEDED -> {
                    LOG.info("Scale-up: {}", a.message());
                    pass.registry().registerScaleUp(group, a.increase().delta());
                    pass.scaleUpDone(now);
                    any = true;
                }
                case FAILED -> {
                    LOG.warn("Scale-up: {}", a.message());
                    pass.registry()
                            .registerFailedScaleUp(
                                    group, ErrorClass.OTHER, "cloudProviderError", a.error());
                }
                case NOT_ATTEMPTED -> LOG.info("Scale-up: {}", a.message());
            }
        }
        return any;
    }

    private void applySoftTaints(ScaleDownPlan plan) {
        plan.softTaints()
                .taint()
                .forEach(
                        (node, since) -> {
                            try {
                                marks.addDeletionCandidate(node, since);
                            } catch (ClusterOperationException | RuntimeException e) {
                                LOG.warn(
                                        "Could not add the soft taint to node {}: {}",
                                        node,
                                        e.getMessage());
                            }
                        });
        for (String node : plan.softTaints().untaint()) {
            try {
                marks.removeDeletionCandidate(node);
            } catch (ClusterOperationException | RuntimeException e) {
                LOG.warn("Could not remove the soft taint from node {}: {}", node, e.getMessage());
            }
        }
    }

    private boolean startDeletions(ScaleDownPlan plan, ClusterObjects objects, Instant now) {
        List<NodeRemoval> removals = new ArrayList<>(plan.deleteEmpty());
        removals.addAll(plan.drain());
        if (removals.isEmpty()) {
            return false;
        }
        Map<String, Node> nodes = new HashMap<>();
        for (Node n : objects.nodes()) {
            nodes.put(n.name(), n);
        }
        List<DeletionRequest> requests = new ArrayList<>();
        for (NodeRemoval r : removals) {
            Node node = nodes.get(r.nodeName());
            Optional<? extends NodeGroup> group =
                    node == null ? Optional.empty() : provider.nodeGroupFor(node);
            if (group.isEmpty()) {
                LOG.warn(
                        "Not deleting node {}: it no longer exists or belongs to no node group",
                        r.nodeName());
                continue;
            }
            requests.add(new DeletionRequest(node, group.get(), r));
        }
        StartResult started = actuator.start(requests, now);
        if (started.failure().isPresent()) {
            LOG.warn("Scale-down failed to start: {}", started.failure().get());
            pass.scaleDownFailed(now);
        }
        if (started.started().isEmpty()) {
            return false;
        }
        LOG.info("Scale-down: removing node(s) {}", started.started());
        pass.deletionsStarted(now);
        return true;
    }

    /**
     * A previous autoscaler may have died while deleting nodes: its ToBeDeleted taints (and
     * cordons) would keep those nodes out of use forever. Only nodes of managed groups are touched.
     */
    private void removeLeftoverDeletionTaints(ClusterObjects objects) {
        for (Node n : objects.nodes()) {
            if (!hasTaint(n, TO_BE_DELETED) || provider.nodeGroupFor(n).isEmpty()) {
                continue;
            }
            try {
                operations.untaintToBeDeleted(n.name(), true);
                operations.nodeEvent(
                        n.name(),
                        false,
                        "ClusterAutoscalerCleanup",
                        "removed leftover " + TO_BE_DELETED + " taint");
                LOG.info("Removed the leftover {} taint from node {}", TO_BE_DELETED, n.name());
            } catch (ClusterOperationException | RuntimeException e) {
                LOG.warn(
                        "Could not remove the leftover {} taint from node {}: {}",
                        TO_BE_DELETED,
                        n.name(),
                        e.getMessage());
            }
        }
    }

    private static boolean hasTaint(Node n, String key) {
        for (Taint t : n.taints()) {
            if (t.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes long-unregistered machines and tells observers how many went. */
    private void removeUnregistered(PlanExecutor executor, List<InstanceDeletion> deletions) {
        List<ActionOutcome> outcomes = executor.delete(deletions);
        report(outcomes);
        int removed = 0;
        // One outcome per deletion, in the same order.
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).succeeded()) {
                removed += deletions.get(i).instances().size();
            }
        }
        if (removed > 0) {
            int count = removed;
            notify("unregisteredNodesRemoved", o -> o.unregisteredNodesRemoved(count));
        }
    }

    private void timed(Function phase, Instant start) {
        Duration took = Duration.between(start, clock.instant());
        notify("phaseTimed", o -> o.phaseTimed(phase, took));
    }

    private void report(List<ActionOutcome> outcomes) {
        for (ActionOutcome o : outcomes) {
            if (o.succeeded()) {
                LOG.info("Node group {}: {}", o.groupId(), o.action());
            } else {
                LOG.warn(
                        "Node group {}: {} failed: {}",
                        o.groupId(),
                        o.action(),
                        o.error().orElse(""));
            }
        }
    }

    private void notify(String what, Consumer<LoopObserver> call) {
        Instant start = clock.instant();
        try {
            callObservers(what, call);
        } finally {
            inObservers = inObservers.plus(Duration.between(start, clock.instant()));
        }
    }

    private void callObservers(String what, Consumer<LoopObserver> call) {
        for (LoopObserver o : observers) {
            try {
                call.accept(o);
            } catch (RuntimeException e) {
                LOG.warn("Loop observer {} failed in {}; skipped", o.getClass().getName(), what, e);
            }
        }
    }
}
