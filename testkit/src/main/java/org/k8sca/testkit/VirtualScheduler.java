package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scheduling.Placement;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.objects.SnapshotBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays kube-scheduler: each pending pod is bound to the Ready node, among those where the core's
 * {@link PredicateChecker} says it fits, that is least allocated afterwards (kube-scheduler's
 * default scoring spreads pods the same way; ties go to the first node by name), higher priorities
 * first. Pods bound earlier in the same pass count. The rest get {@code PodScheduled=False} with
 * reason {@code Unschedulable} and the checker's message, as kube-scheduler writes it. It also
 * remembers since when each pod has been pending.
 */
public final class VirtualScheduler {
    private final KubernetesClient client;
    private final ApiReader reader;
    private final Map<String, Instant> pendingSince = new HashMap<>();

    public VirtualScheduler(KubernetesClient client, ApiReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /** One scheduling pass over every unbound, schedulable pod. */
    public void schedule(Instant now) {
        ClusterObjects objects = reader.read();
        ClusterSnapshot snapshot = SnapshotBuilder.build(objects, Integer.MIN_VALUE);
        PredicateChecker checker = new PredicateChecker(snapshot);
        Map<String, Boolean> ready = new HashMap<>();
        objects.nodes().forEach(n -> ready.put(n.name(), n.ready()));
        List<String> stillPending = new ArrayList<>();
        // kube-scheduler's queue takes higher priorities first (DaemonSet pods before the rest).
        List<ObservedPod> queue = new ArrayList<>(objects.pods());
        queue.sort(Comparator.comparingInt((ObservedPod p) -> p.pod().priority()).reversed());
        for (ObservedPod observed : queue) {
            if (observed.state() != SchedulingState.UNSCHEDULABLE
                    && observed.state() != SchedulingState.UNPROCESSED) {
                continue;
            }
            String key = observed.key();
            Optional<String> best = bestNode(checker, snapshot, observed.pod(), ready);
            if (best.isPresent()) {
                bind(observed, best.get(), now);
                snapshot.addPod(observed.pod(), best.get());
                pendingSince.remove(key);
            } else {
                Placement why =
                        checker.findNode(
                                observed.pod(),
                                null,
                                info -> ready.getOrDefault(info.name(), false));
                markUnschedulable(
                        observed,
                        why.found() ? "no ready node fits" : why.failure().message(),
                        now);
                pendingSince.putIfAbsent(key, now);
                stillPending.add(key);
            }
        }
        pendingSince.keySet().retainAll(stillPending);
    }

    private static Optional<String> bestNode(
            PredicateChecker checker,
            ClusterSnapshot snapshot,
            Pod pod,
            Map<String, Boolean> ready) {
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (NodeInfo info : snapshot.nodeInfos()) {
            if (!ready.getOrDefault(info.name(), false)
                    || checker.checkOnNode(pod, info.name()).isPresent()) {
                continue;
            }
            Resources after = info.requested().plus(pod.requests());
            Resources allocatable = info.node().allocatable();
            double score =
                    fraction(after.milliCpu(), allocatable.milliCpu())
                            + fraction(after.memoryBytes(), allocatable.memoryBytes());
            if (score < bestScore || (score == bestScore && info.name().compareTo(best) < 0)) {
                best = info.name();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double fraction(long used, long total) {
        return total <= 0 ? 1 : (double) used / total;
    }

    /** When each pod that is pending now was first found unschedulable. */
    public Map<String, Instant> pendingSince() {
        return Map.copyOf(pendingSince);
    }

    private void bind(ObservedPod observed, String nodeName, Instant now) {
        podResource(observed)
                .edit(
                        p -> {
                            p.getSpec().setNodeName(nodeName);
                            p.getStatus().setPhase("Running");
                            setScheduled(
                                    p,
                                    new PodConditionBuilder()
                                            .withType("PodScheduled")
                                            .withStatus("True")
                                            .withLastTransitionTime(now.toString())
                                            .build());
                            p.getStatus()
                                    .getConditions()
                                    .removeIf(c -> "Ready".equals(c.getType()));
                            p.getStatus()
                                    .getConditions()
                                    .add(
                                            new PodConditionBuilder()
                                                    .withType("Ready")
                                                    .withStatus("True")
                                                    .withLastTransitionTime(now.toString())
                                                    .build());
                            return p;
                        });
    }

    private void markUnschedulable(ObservedPod observed, String message, Instant now) {
        if (observed.state() == SchedulingState.UNSCHEDULABLE) {
            return; // kube-scheduler keeps the first transition time; the message barely changes
        }
        podResource(observed)
                .editStatus(
                        p -> {
                            p.getStatus().setPhase("Pending");
                            setScheduled(
                                    p,
                                    new PodConditionBuilder()
                                            .withType("PodScheduled")
                                            .withStatus("False")
                                            .withReason("Unschedulable")
                                            .withMessage(message)
                                            .withLastTransitionTime(now.toString())
                                            .build());
                            return p;
                        });
    }

    private static void setScheduled(
            io.fabric8.kubernetes.api.model.Pod p, PodCondition condition) {
        p.getStatus().getConditions().removeIf(c -> "PodScheduled".equals(c.getType()));
        p.getStatus().getConditions().add(condition);
    }

    private io.fabric8.kubernetes.client.dsl.PodResource podResource(ObservedPod observed) {
        return client.pods()
                .inNamespace(observed.pod().namespace())
                .withName(observed.pod().name());
    }
}
