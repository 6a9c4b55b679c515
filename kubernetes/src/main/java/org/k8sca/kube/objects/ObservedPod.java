package org.k8sca.kube.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.k8sca.core.model.Pod;

/**
 * A pod as translated from Kubernetes: the core {@link Pod} plus what the loop needs to classify
 * and drain it and that the core record does not carry (yet).
 *
 * @param pod the core pod (requests computed, volumes resolved)
 * @param state where the pod stands with the scheduler
 * @param schedulerName {@code spec.schedulerName} ({@code default-scheduler} when unset)
 * @param unschedulableSince when {@code PodScheduled} last turned False (null when unknown or not
 *     unschedulable); the loop wakes early for recently unschedulable pods
 * @param phase {@code status.phase} (Pending when unset)
 * @param restartPolicy {@code spec.restartPolicy} (Always when unset)
 * @param deletionTime {@code metadata.deletionTimestamp}, or null
 * @param terminationGracePeriod {@code spec.terminationGracePeriodSeconds} (30 s when unset)
 * @param localStorageVolumes names of volumes that keep data on the node's disk: {@code hostPath},
 *     and {@code emptyDir} unless its medium is {@code Memory}
 * @param claimNames names of the PersistentVolumeClaims the pod mounts (its namespace)
 */
public record ObservedPod(
    Pod pod,
    SchedulingState state,
    String schedulerName,
    Instant unschedulableSince,
    String phase,
    String restartPolicy,
    Instant deletionTime,
    Duration terminationGracePeriod,
    List<String> localStorageVolumes,
    List<String> claimNames) {

  public static final String DEFAULT_SCHEDULER = "default-scheduler";
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  public ObservedPod {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(state, "scheduling state of " + pod.key());
    schedulerName = schedulerName == null || schedulerName.isEmpty() ? DEFAULT_SCHEDULER : schedulerName;
    phase = phase == null || phase.isEmpty() ? "Pending" : phase;
    restartPolicy = restartPolicy == null || restartPolicy.isEmpty() ? "Always" : restartPolicy;
    terminationGracePeriod = terminationGracePeriod == null ? DEFAULT_GRACE : terminationGracePeriod;
    localStorageVolumes = localStorageVolumes == null ? List.of() : List.copyOf(localStorageVolumes);
    claimNames = claimNames == null ? List.of() : List.copyOf(claimNames);
  }

  /** {@code namespace/name}. */
  public String key() {
    return pod.key();
  }
}
