package org.k8sca.testkit;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.k8sca.core.model.IntOrPercent;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.translate.DisruptionBudgetTranslator;
import org.k8sca.kube.translate.TranslationException;

/**
 * Plays the disruption controller: keeps each PDB's status ({@code currentHealthy}, {@code
 * desiredHealthy}, {@code expectedPods}, {@code disruptionsAllowed}) in line with the pods it
 * covers, a pod being healthy when it is bound and Running.
 */
public final class DisruptionController {
    private final KubernetesClient client;
    private final ApiReader reader;

    public DisruptionController(KubernetesClient client, ApiReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /** Recomputes every PDB's status. */
    public void sync() {
        ClusterObjects objects = reader.read();
        for (PodDisruptionBudget pdb :
                client.policy().v1().podDisruptionBudget().inAnyNamespace().list().getItems()) {
            Health h = health(pdb, objects);
            if (pdb.getStatus() != null
                    && Integer.valueOf(h.allowed()).equals(pdb.getStatus().getDisruptionsAllowed())
                    && Integer.valueOf(h.healthy()).equals(pdb.getStatus().getCurrentHealthy())) {
                continue;
            }
            client.policy()
                    .v1()
                    .podDisruptionBudget()
                    .inNamespace(pdb.getMetadata().getNamespace())
                    .withName(pdb.getMetadata().getName())
                    .editStatus(
                            b -> {
                                b.setStatus(
                                        new io.fabric8.kubernetes.api.model.policy.v1
                                                        .PodDisruptionBudgetStatusBuilder()
                                                .withCurrentHealthy(h.healthy())
                                                .withDesiredHealthy(h.desired())
                                                .withExpectedPods(h.expected())
                                                .withDisruptionsAllowed(h.allowed())
                                                .withObservedGeneration(
                                                        b.getMetadata().getGeneration())
                                                .build());
                                return b;
                            });
        }
    }

    /** How many pods a budget covers, how many are healthy, and how many must stay healthy. */
    public record Health(int expected, int healthy, int desired) {
        public int allowed() {
            return Math.max(0, healthy - desired);
        }
    }

    /** The health of the pods {@code pdb} covers in {@code objects}. */
    public static Health health(PodDisruptionBudget pdb, ClusterObjects objects) {
        org.k8sca.core.model.PodDisruptionBudget budget;
        try {
            budget = DisruptionBudgetTranslator.translate(pdb);
        } catch (TranslationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        int expected = 0;
        int healthy = 0;
        for (ObservedPod p : objects.pods()) {
            if (p.state() == SchedulingState.FINISHED || !budget.covers(p.pod())) {
                continue;
            }
            expected++;
            if (p.state() == SchedulingState.BOUND) {
                healthy++;
            }
        }
        int desired;
        IntOrPercent min = budget.minAvailable();
        IntOrPercent max = budget.maxUnavailable();
        if (min != null) {
            desired = min.resolve(expected);
        } else if (max != null) {
            desired = Math.max(0, expected - max.resolve(expected));
        } else {
            desired = expected;
        }
        return new Health(expected, healthy, desired);
    }
}
