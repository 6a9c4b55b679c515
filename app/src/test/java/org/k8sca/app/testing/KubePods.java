package org.k8sca.app.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Instant;

/** fabric8 pods for tests that run the autoscaler against the mock API server. */
public final class KubePods {
    private KubePods() {}

    /**
     * A pod in {@code default} that the scheduler marked unschedulable at {@code created}, asking
     * for {@code cpu}.
     */
    public static Pod unschedulable(String name, String cpu, Instant created) {
        String at = created.toString();
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withCreationTimestamp(at)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("i")
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withLastTransitionTime(at)
                .endCondition()
                .endStatus()
                .build();
    }
}
