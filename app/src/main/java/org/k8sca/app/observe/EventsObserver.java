package org.k8sca.app.observe;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.core.clusterstate.ClusterStateEvent;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.Health;
import org.k8sca.core.model.Pod;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.core.scaledown.actuation.DeletionResult;
import org.k8sca.core.scaledown.simulation.NodeRemoval;
import org.k8sca.core.scaleup.GroupIncrease;
import org.k8sca.core.scaleup.IncreaseAttempt;
import org.k8sca.core.scaleup.PodOutcome;
import org.k8sca.core.scaleup.PodVerdict;
import org.k8sca.core.scaleup.ScaleUpResult;
import org.k8sca.core.scaleup.ScaleUpStatus;
import org.k8sca.kube.events.AutoscalerEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * Records upstream's events for what each loop reports: scale-up resizes and their failures on the
 * status ConfigMap, {@code TriggeredScaleUp} and {@code NotTriggerScaleUp} on pods, timed-out and
 * failed scale-ups, an unhealthy cluster, and scale-down starts and completions. Events about
 * single nodes and pods during a drain ({@code ScaleDown}, {@code ScaleDownFailed}) come from the
 * scale-down actuator through the cluster operations, which should call {@link AutoscalerEvents}
 * directly. Recording never blocks (see {@link org.k8sca.kube.events.EventRecorder}).
 */
public final class EventsObserver implements LoopObserver {

    private final AutoscalerEvents events;
    private final int maxNodesTotal;

    /**
     * @param maxNodesTotal {@code --max-nodes-total}, for the MaxNodesTotalReached message
     */
    public EventsObserver(AutoscalerEvents events, int maxNodesTotal) {
        this.events = events;
        this.maxNodesTotal = maxNodesTotal;
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        if (status.health() == Health.UNHEALTHY) {
            events.clusterUnhealthy();
        }
        for (ClusterStateEvent e : update.events()) {
            if (e instanceof ClusterStateEvent.ScaleUpTimedOut) {
                events.scaleUpTimedOut(e.message());
            } else if (e instanceof ClusterStateEvent.ScaleUpFailed) {
                events.scaleUpFailed(e.message());
            }
        }
    }

    @Override
    public void scaleUp(ScaleUpResult result, List<IncreaseAttempt> executed) {
        if (result.status() == ScaleUpStatus.MAX_NODES_TOTAL_REACHED) {
            events.maxNodesTotalReached(maxNodesTotal);
        }
        List<GroupIncrease> done = new ArrayList<>();
        for (IncreaseAttempt a : executed) {
            switch (a.outcome()) {
                case SUCCEEDED -> {
                    events.scalingUpGroup(a.increase());
                    events.scaledUpGroup(a.increase());
                    done.add(a.increase());
                }
                case FAILED -> {
                    events.scalingUpGroup(a.increase());
                    events.failedToScaleUpGroup(a.increase().nodeGroupId(), a.error());
                }
                case NOT_ATTEMPTED -> {}
            }
        }
        for (PodOutcome pod : result.pods()) {
            if (pod.verdict() == PodVerdict.TRIGGERS_SCALE_UP && !done.isEmpty()) {
                events.triggeredScaleUp(pod.podKey(), pod.uid(), done);
            } else if (pod.verdict() == PodVerdict.NOT_HELPED) {
                String message =
                        pod.message().isEmpty()
                                ? "pod didn't trigger scale-up: "
                                        + PodOutcome.aggregate(pod.reasonsByGroup())
                                : pod.message();
                events.notTriggerScaleUp(pod.podKey(), pod.uid(), message);
            }
        }
    }

    @Override
    public void scaleDown(ScaleDownPlan plan) {
        if (plan.cooldown().isPresent()) {
            return;
        }
        for (NodeRemoval r : plan.deleteEmpty()) {
            events.removingEmptyNode(r.nodeName());
        }
        for (NodeRemoval r : plan.drain()) {
            double utilization =
                    plan.explanation(r.nodeName()).map(e -> e.utilization()).orElse(Double.NaN);
            events.removingNode(
                    r.nodeName(),
                    Double.isNaN(utilization) ? 0 : utilization,
                    r.podsToMove().stream().map(Pod::key).toList());
        }
    }

    @Override
    public void deletionsFinished(List<DeletionResult> finished) {
        for (DeletionResult r : finished) {
            if (!r.success()) {
                continue; // ScaleDownFailed on the node comes from the actuator
            }
            if (r.empty()) {
                events.emptyNodeRemoved(r.nodeName());
            } else {
                events.nodeRemovedWithDrain(r.nodeName());
            }
        }
    }
}
