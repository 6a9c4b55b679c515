package org.k8sca.app.observe;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.app.metrics.AutoscalerMetrics;
import org.k8sca.app.metrics.AutoscalerMetrics.Activity;
import org.k8sca.app.metrics.AutoscalerMetrics.ErrorType;
import org.k8sca.app.metrics.AutoscalerMetrics.Function;
import org.k8sca.app.metrics.TaintTypes;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.clusterstate.ClusterStateEvent;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.explain.NodeExplanation;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.ops.AutoscalerTaints;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds {@link AutoscalerMetrics} from each loop: cluster state, resources and taints, phase
 * timings, scale-ups, scale-downs and failures. Evictions are counted by the cluster operations,
 * which see each one (see {@code Observability#actuationMetrics}).
 */
public final class MetricsObserver implements LoopObserver {

    private final AutoscalerMetrics metrics;
    private final int maxNodesTotal;
    private final boolean perNodeGroup;

    /** Per-group series written last loop, so the series of a vanished group can be dropped. */
    private Set<String> groupsWithSeries = new HashSet<>();

    /**
     * (group, reason) backoff series set to 1 last loop, so they go back to 0 when the backoff
     * ends.
     */
    private Set<List<String>> backoffSeries = new HashSet<>();

    /** When the current loop started: the time of its scale-up and scale-down activity. */
    private Instant loopStart = Instant.EPOCH;

    /**
     * @param maxNodesTotal {@code --max-nodes-total}, 0 for no limit
     * @param perNodeGroup {@code --emit-per-nodegroup-metrics}
     */
    public MetricsObserver(AutoscalerMetrics metrics, int maxNodesTotal, boolean perNodeGroup) {
        this.metrics = metrics;
        this.maxNodesTotal = maxNodesTotal;
        this.perNodeGroup = perNodeGroup;
    }

    @Override
    public void loopStarted(Instant now) {
        loopStart = now;
        metrics.lastActivity(Activity.MAIN, now);
    }

    /**
     * Cluster cores and memory (capacity, nodes being deleted left out, as upstream) and taints.
     */
    @Override
    public void clusterObjects(ClusterObjects objects) {
        double milliCpu = 0;
        double memory = 0;
        for (Node n : objects.nodes()) {
            if (!beingDeleted(n)) {
                milliCpu += n.capacity().milliCpu();
                memory += n.capacity().memoryBytes();
            }
        }
        metrics.clusterResources(milliCpu / 1000, memory);
        TaintTypes.count(objects.nodes()).forEach(metrics::nodeTaints);
    }

    private static boolean beingDeleted(Node n) {
        for (Taint t : n.taints()) {
            if (t.key().equals(AutoscalerTaints.TO_BE_DELETED)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void unregisteredNodesRemoved(int count) {
        metrics.oldUnregisteredNodesRemoved(count);
    }

    @Override
    public void phaseTimed(Function phase, Duration took) {
        metrics.functionDuration(phase, took);
    }

    @Override
    public void pendingNodeDeletions(int count) {
        metrics.pendingNodeDeletions(count);
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        metrics.lastActivity(Activity.AUTOSCALING, status.lastProbeTime());
        metrics.clusterSafeToAutoscale(status.health() == Health.HEALTHY);
        metrics.nodesCount(status.counts());
        metrics.nodeGroupsCount(status.groups().size());
        long sumOfMax = 0;
        for (NodeGroupStatus g : status.groups()) {
            sumOfMax += g.maxSize();
        }
        metrics.maxNodesCount(maxNodesTotal > 0 ? Math.min(maxNodesTotal, sumOfMax) : sumOfMax);
        if (perNodeGroup) {
            perGroup(status);
        }
        for (ClusterStateEvent e : update.events()) {
            if (e instanceof ClusterStateEvent.ScaleUpTimedOut) {
                metrics.failedScaleUp("timeout");
            } else if (e instanceof ClusterStateEvent.ScaleUpFailed f) {
                String reason = f.errorCode().isEmpty() ? "cloudProviderError" : f.errorCode();
                metrics.failedScaleUp(reason);
                metrics.failedNodeCreations(reason, f.failedCount());
            }
        }
    }

    private void perGroup(ClusterStatus status) {
        Set<String> seen = new HashSet<>();
        Set<List<String>> backedOff = new HashSet<>();
        for (NodeGroupStatus g : status.groups()) {
            seen.add(g.id());
            metrics.nodeGroup(
                    g.id(), g.minSize(), g.maxSize(), g.targetSize(), g.health() == Health.HEALTHY);
            g.backoff()
                    .ifPresent(
                            b -> {
                                String reason =
                                        b.errorCode().isEmpty()
                                                ? b.errorClass().name()
                                                : b.errorCode();
                                metrics.nodeGroupBackoff(g.id(), reason, true);
                                backedOff.add(List.of(g.id(), reason));
                            });
        }
        for (List<String> old : backoffSeries) {
            if (!backedOff.contains(old) && seen.contains(old.get(0))) {
                metrics.nodeGroupBackoff(old.get(0), old.get(1), false);
            }
        }
        for (String old : groupsWithSeries) {
            if (!seen.contains(old)) {
                metrics.removeNodeGroup(old);
            }
        }
        groupsWithSeries = seen;
        backoffSeries = backedOff;
    }

    @Override
    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
        metrics.lastActivity(Activity.SCALE_UP, loopStart);
        int unschedulable = 0;
        for (var pod : result.pods()) {
            if (pod.verdict() != PodVerdict.IGNORED) {
                unschedulable++;
            }
        }
        metrics.unschedulablePodsCount(unschedulable, 0);
        for (IncreaseAttempt a : executed) {
            switch (a.outcome()) {
                case SUCCEEDED -> metrics.scaledUpNodes(a.increase().delta());
                case FAILED -> metrics.failedScaleUp("cloudProviderError");
                case NOT_ATTEMPTED -> {}
            }
        }
    }

    @Override
    public void scaleDown(ScaleDownPlan plan) {
        metrics.lastActivity(Activity.SCALE_DOWN, loopStart);
        int unneeded = 0;
        Map<UnremovableReason, Integer> unremovable = new EnumMap<>(UnremovableReason.class);
        for (UnremovableReason r : UnremovableReason.values()) {
            unremovable.put(r, 0);
        }
        for (NodeExplanation e : plan.explanations()) {
            if (e.isUnneeded()) {
                unneeded++;
            } else if (e.reason() != null) {
                unremovable.merge(e.reason(), 1, Integer::sum);
            }
        }
        metrics.unneededNodes(unneeded);
        unremovable.forEach(
                (reason, count) -> metrics.unremovableNodes(reason.upstreamName(), count));
        metrics.scaleDownInCooldown(plan.cooldown().isPresent());
    }

    @Override
    public void deletionsFinished(List<DeletionResult> finished) {
        for (DeletionResult r : finished) {
            if (r.success()) {
                metrics.scaledDownNode(r.empty() ? "empty" : "underutilized");
            }
        }
    }

    @Override
    public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
        metrics.functionDuration(Function.MAIN, took);
        Instant end = started.plus(took);
        if (error.isEmpty()) {
            metrics.lastActivity(Activity.MAIN_SUCCESSFUL, end);
        } else {
            metrics.error(errorType(error.get()));
        }
    }

    /** The {@code errors_total{type}} of a failed loop. */
    static ErrorType errorType(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CloudProviderException) {
                return ErrorType.CLOUD_PROVIDER_ERROR;
            }
            if (t instanceof io.fabric8.kubernetes.client.KubernetesClientException) {
                return ErrorType.API_CALL_ERROR;
            }
        }
        return ErrorType.INTERNAL_ERROR;
    }
}
