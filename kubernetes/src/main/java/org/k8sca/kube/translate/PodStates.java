package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import org.k8sca.kube.objects.SchedulingState;

/**
 * Decides where a pod stands with the scheduler. This is where "unschedulable pending" is decided,
 * once, from the pod's phase, binding, deletion, gates and {@code PodScheduled} condition.
 */
public final class PodStates {

    /** The reason kube-scheduler sets on {@code PodScheduled=False} when no node fits. */
    public static final String UNSCHEDULABLE_REASON = "Unschedulable";

    private PodStates() {}

    public static SchedulingState classify(Pod pod) {
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = status.getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return SchedulingState.FINISHED;
        }
        if (spec.getNodeName() != null && !spec.getNodeName().isEmpty()) {
            return SchedulingState.BOUND;
        }
        if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
            return SchedulingState.TERMINATING;
        }
        if (spec.getSchedulingGates() != null && !spec.getSchedulingGates().isEmpty()) {
            return SchedulingState.GATED;
        }
        if (status.getNominatedNodeName() != null && !status.getNominatedNodeName().isEmpty()) {
            return SchedulingState.NOMINATED;
        }
        PodCondition scheduled = podScheduled(status);
        if (scheduled == null) {
            return SchedulingState.UNPROCESSED;
        }
        if ("False".equals(scheduled.getStatus())) {
            String reason = scheduled.getReason();
            if (UNSCHEDULABLE_REASON.equals(reason)) {
                return SchedulingState.UNSCHEDULABLE;
            }
            if (reason == null || reason.isEmpty()) {
                return SchedulingState.UNPROCESSED;
            }
        }
        return SchedulingState.WAITING;
    }

    /** The {@code PodScheduled} condition, or null. */
    static PodCondition podScheduled(PodStatus status) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        for (PodCondition c : status.getConditions()) {
            if ("PodScheduled".equals(c.getType())) {
                return c;
            }
        }
        return null;
    }
}
