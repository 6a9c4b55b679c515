package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodLifecycle;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;

import java.time.Duration;
import java.time.Instant;

/**
 * Translates a Kubernetes Pod into an {@link ObservedPod}: the core {@link Pod} with its requests
 * computed once (containers, sidecars, overhead, pod-level resources), its lifecycle and volumes,
 * and its scheduling state.
 */
public final class PodTranslator {

    private PodTranslator() {}

    /** Translates without volume information (every claim provisionable anywhere). */
    public static ObservedPod translate(io.fabric8.kubernetes.api.model.Pod pod)
            throws TranslationException {
        return translate(pod, VolumeLookup.ANYWHERE);
    }

    public static ObservedPod translate(
            io.fabric8.kubernetes.api.model.Pod pod, VolumeLookup volumes)
            throws TranslationException {
        String object = Meta.describe(pod);
        ObjectMeta m = Meta.metadata(pod);
        String namespace =
                m.getNamespace() == null || m.getNamespace().isEmpty()
                        ? "default"
                        : m.getNamespace();
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();

        Labels labels = Meta.labels(m.getLabels(), object, "metadata.labels");
        Instant deletionTime =
                Meta.time(m.getDeletionTimestamp(), object, "metadata.deletionTimestamp");
        Pod.Builder builder =
                Pod.builder(namespace, m.getName())
                        .uid(m.getUid())
                        .labels(labels)
                        .annotations(Meta.orEmpty(m.getAnnotations()))
                        .owner(Meta.controller(m, object))
                        .creationTime(
                                Meta.time(
                                        m.getCreationTimestamp(),
                                        object,
                                        "metadata.creationTimestamp"))
                        .terminating(deletionTime != null)
                        .lifecycle(lifecycle(spec, status, deletionTime, object));
        PodSpecTranslator.Extras extras =
                PodSpecTranslator.apply(
                        builder, spec, labels, namespace, m.getName(), object, volumes);
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
            unschedulableSince =
                    Meta.time(
                            c.getLastTransitionTime(),
                            object,
                            "status.conditions[PodScheduled].lastTransitionTime");
        }
        return new ObservedPod(
                core, state, spec.getSchedulerName(), unschedulableSince, extras.claimNames());
    }

    /**
     * Phase, restart policy, deletion time and grace period. Unset fields get the API server's
     * defaults (Pending, Always, 30 s); a negative grace period counts as zero.
     */
    static PodLifecycle lifecycle(
            PodSpec spec, PodStatus status, Instant deletionTime, String object)
            throws TranslationException {
        Duration grace =
                spec.getTerminationGracePeriodSeconds() == null
                        ? PodLifecycle.DEFAULT_GRACE
                        : Duration.ofSeconds(Math.max(0, spec.getTerminationGracePeriodSeconds()));
        return new PodLifecycle(
                phase(status.getPhase()),
                restartPolicy(spec.getRestartPolicy(), object),
                deletionTime,
                grace);
    }

    /**
     * {@code status.phase}. A value this version does not know is read as Unknown (not finished),
     * as upstream does (it only compares with Succeeded and Failed): the pod is kept, not skipped.
     */
    static PodLifecycle.Phase phase(String value) {
        if (value == null || value.isEmpty()) {
            return PodLifecycle.Phase.PENDING;
        }
        return switch (value) {
            case "Pending" -> PodLifecycle.Phase.PENDING;
            case "Running" -> PodLifecycle.Phase.RUNNING;
            case "Succeeded" -> PodLifecycle.Phase.SUCCEEDED;
            case "Failed" -> PodLifecycle.Phase.FAILED;
            default -> PodLifecycle.Phase.UNKNOWN;
        };
    }

    /** {@code spec.restartPolicy}; the API server accepts only these three values. */
    static PodLifecycle.RestartPolicy restartPolicy(String value, String object)
            throws TranslationException {
        if (value == null || value.isEmpty()) {
            return PodLifecycle.RestartPolicy.ALWAYS;
        }
        return switch (value) {
            case "Always" -> PodLifecycle.RestartPolicy.ALWAYS;
            case "OnFailure" -> PodLifecycle.RestartPolicy.ON_FAILURE;
            case "Never" -> PodLifecycle.RestartPolicy.NEVER;
            default ->
                    throw new TranslationException(
                            object,
                            "spec.restartPolicy",
                            "\"" + value + "\" is not allowed (allowed: Always, OnFailure, Never)");
        };
    }
}
