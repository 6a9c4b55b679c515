package org.k8sca.kube.objects;

/**
 * Where a pod stands with the scheduler, decided once when the pod is translated. The order of the
 * constants is the order of the checks (the first that applies wins).
 */
public enum SchedulingState {
    /** Phase Succeeded or Failed: holds no resources, never scheduled again. */
    FINISHED,
    /** Bound to a node ({@code spec.nodeName} set). */
    BOUND,
    /** Not bound and being deleted: ignored, it will not be scheduled. */
    TERMINATING,
    /** Held back by {@code spec.schedulingGates}: the scheduler does not try it yet. */
    GATED,
    /** Waiting for preemption on {@code status.nominatedNodeName}: treated as placed there. */
    NOMINATED,
    /** {@code PodScheduled=False} with reason {@code Unschedulable}: a scale-up candidate. */
    UNSCHEDULABLE,
    /**
     * No {@code PodScheduled} condition yet, or False with an empty reason: the scheduler has not
     * looked at it. Counts for scale-up only for schedulers the autoscaler is told to bypass.
     */
    UNPROCESSED,
    /** Any other unbound pod (for example scheduled but not yet bound). */
    WAITING;

    /** Whether the pod occupies a node in the snapshot (bound, or nominated there). */
    public boolean placed() {
        return this == BOUND || this == NOMINATED;
    }
}
