package org.k8sca.kube.objects;

import org.k8sca.core.model.Pod;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pod as translated from Kubernetes: the core {@link Pod} plus what the loop needs to classify it
 * and that the core record does not carry. The pod's lifecycle (phase, restart policy, deletion
 * time, grace period) and volumes are in the core pod ({@link Pod#lifecycle()}, {@link
 * Pod#volumes()}).
 *
 * @param pod the core pod (requests computed, volumes resolved, lifecycle filled in)
 * @param state where the pod stands with the scheduler
 * @param schedulerName {@code spec.schedulerName} ({@code default-scheduler} when unset)
 * @param unschedulableSince when {@code PodScheduled} last turned False (null when unknown or not
 *     unschedulable); the loop wakes early for recently unschedulable pods
 * @param claimNames names of the PersistentVolumeClaims the pod mounts (its namespace), to find the
 *     pods a changed claim affects
 */
public record ObservedPod(
        Pod pod,
        SchedulingState state,
        String schedulerName,
        Instant unschedulableSince,
        List<String> claimNames) {

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    public ObservedPod {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(state, "scheduling state of " + pod.key());
        schedulerName =
                schedulerName == null || schedulerName.isEmpty()
                        ? DEFAULT_SCHEDULER
                        : schedulerName;
        claimNames = claimNames == null ? List.of() : List.copyOf(claimNames);
    }

    /** {@code namespace/name}. */
    public String key() {
        return pod.key();
    }
}
