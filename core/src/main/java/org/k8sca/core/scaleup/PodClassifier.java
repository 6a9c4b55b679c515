package org.k8sca.core.scaleup;

import org.k8sca.core.duration.GoDuration;
import org.k8sca.core.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which of the unscheduled pods planning must care about (§1.3 step 5, §2.1, §2.2): pods
 * that are bound, being deleted, held by scheduling gates, expendable or DaemonSet pods never
 * trigger a scale-up, and a pod with a nominated node is waiting for preemption there.
 */
public final class PodClassifier {

    /** Per-pod annotation that lengthens {@code --new-pod-scale-up-delay} for that pod. */
    public static final String SCALE_UP_DELAY_ANNOTATION =
            "cluster-autoscaler.kubernetes.io/pod-scale-up-delay";

    private PodClassifier() {}

    /** The result of {@link #classify}. */
    public record Classification(List<Pod> pending, List<Pod> nominated, List<IgnoredPod> ignored) {
        public Classification {
            pending = List.copyOf(pending);
            nominated = List.copyOf(nominated);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Splits {@code pods} into pods to plan for, pods waiting for preemption on their nominated
     * node, and pods to ignore. Order is kept.
     */
    public static Classification classify(List<Pod> pods, int expendableCutoff) {
        List<Pod> pending = new ArrayList<>();
        List<Pod> nominated = new ArrayList<>();
        List<IgnoredPod> ignored = new ArrayList<>();
        for (Pod p : pods) {
            if (p.isBound()) {
                ignored.add(new IgnoredPod(p, "pod is already bound to node " + p.nodeName()));
            } else if (p.terminating()) {
                ignored.add(new IgnoredPod(p, "pod is being deleted"));
            } else if (p.hasSchedulingGates()) {
                ignored.add(
                        new IgnoredPod(
                                p, "pod is held by scheduling gates " + p.schedulingGates()));
            } else if (p.priority() < expendableCutoff) {
                ignored.add(
                        new IgnoredPod(
                                p,
                                "pod is expendable: priority "
                                        + p.priority()
                                        + " is below --expendable-pods-priority-cutoff "
                                        + expendableCutoff));
            } else if (p.isDaemonSetPod()) {
                ignored.add(
                        new IgnoredPod(
                                p,
                                "pod belongs to a DaemonSet; DaemonSet pods never trigger a"
                                        + " scale-up"));
            } else if (!p.nominatedNodeName().isEmpty()) {
                nominated.add(p);
            } else {
                pending.add(p);
            }
        }
        return new Classification(pending, nominated, ignored);
    }

    /**
     * How long {@code pod} must be pending before it may trigger a scale-up: {@code globalDelay},
     * or the pod's annotation when that is longer (the annotation cannot shorten it).
     *
     * @param problems receives a message when the annotation is not a valid duration
     */
    public static Duration scaleUpDelay(Pod pod, Duration globalDelay, List<String> problems) {
        String value = pod.annotations().get(SCALE_UP_DELAY_ANNOTATION);
        if (value == null) {
            return globalDelay;
        }
        try {
            Duration own = GoDuration.parse(value.trim());
            return own.compareTo(globalDelay) > 0 ? own : globalDelay;
        } catch (IllegalArgumentException e) {
            problems.add(
                    "pod "
                            + pod.key()
                            + ": annotation "
                            + SCALE_UP_DELAY_ANNOTATION
                            + "=\""
                            + value
                            + "\" is not a duration ("
                            + e.getMessage()
                            + "); using --new-pod-scale-up-delay "
                            + globalDelay);
            return globalDelay;
        }
    }

    /**
     * Whether {@code pod} is younger than its scale-up delay at {@code now}; a pod of unknown age
     * is old.
     */
    public static boolean tooYoung(Pod pod, Duration delay, Instant now) {
        return pod.creationTime() != null
                && !delay.isZero()
                && pod.creationTime().plus(delay).isAfter(now);
    }
}
