package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Duration;
import java.time.Instant;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

/**
 * Translates a Kubernetes Pod into an {@link ObservedPod}: the core {@link Pod} with its requests
 * computed once (containers, sidecars, overhead, pod-level resources), and its scheduling state.
 */
public final class PodTranslator {

  private PodTranslator() {}

  /** Translates without volume information (every claim provisionable anywhere). */
  public static ObservedPod translate(io.fabric8.kubernetes.api.model.Pod pod) throws TranslationException {
    return translate(pod, VolumeLookup.ANYWHERE);
  }

  public static ObservedPod translate(io.fabric8.kubernetes.api.model.Pod pod, VolumeLookup volumes)
      throws TranslationException {
    String object = Meta.describe(pod);
    ObjectMeta m = Meta.metadata(pod);
    String namespace = m.getNamespace() == null || m.getNamespace().isEmpty() ? "default" : m.getNamespace();
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();

    Labels labels = Meta.labels(m.getLabels(), object, "metadata.labels");
    Instant deletionTime = Meta.time(m.getDeletionTimestamp(), object, "metadata.deletionTimestamp");
    Pod.Builder builder = Pod.builder(namespace, m.getName())
        .uid(m.getUid())
        .labels(labels)
        .annotations(Meta.orEmpty(m.getAnnotations()))
        .owner(Meta.controller(m, object))
        .creationTime(Meta.time(m.getCreationTimestamp(), object, "metadata.creationTimestamp"))
        .terminating(deletionTime != null);
    PodSpecTranslator.Extras extras =
        PodSpecTranslator.apply(builder, spec, labels, namespace, m.getName(), object, volumes);
    builder.nominatedNodeName(status.getNominatedNodeName());
    Pod core;
    try {
      core = builder.build();
    } catch (IllegalArgumentException e) {
      throw new TranslationException(object, "spec", e.getMessage(), e);
    }

    SchedulingState state = PodStates.classify(pod);
    Instant unschedulableSince = null;
    if (state == SchedulingState.UNSCHEDULABLE) {
      PodCondition c = PodStates.podScheduled(status);
      unschedulableSince = Meta.time(c.getLastTransitionTime(), object, "status.conditions[PodScheduled].lastTransitionTime");
    }
    Duration grace = spec.getTerminationGracePeriodSeconds() == null
        ? null : Duration.ofSeconds(Math.max(0, spec.getTerminationGracePeriodSeconds()));
    return new ObservedPod(core, state, spec.getSchedulerName(), unschedulableSince, status.getPhase(),
        spec.getRestartPolicy(), deletionTime, grace, extras.localStorageVolumes(), extras.claimNames());
  }
}
