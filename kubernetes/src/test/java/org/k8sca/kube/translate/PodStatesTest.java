package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.objects.SchedulingState;

class PodStatesTest {

    private static PodBuilder pending() {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .endSpec();
    }

    private static Pod withScheduled(String status, String reason) {
        return pending()
                .withNewStatus()
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus(status)
                .withReason(reason)
                .endCondition()
                .endStatus()
                .build();
    }

    @Test
    void finishedPodsAreFinishedEvenWhenBound() {
        Pod p =
                pending()
                        .editSpec()
                        .withNodeName("n1")
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Succeeded")
                        .endStatus()
                        .build();
        assertThat(PodStates.classify(p)).isEqualTo(SchedulingState.FINISHED);
        Pod f = pending().withNewStatus().withPhase("Failed").endStatus().build();
        assertThat(PodStates.classify(f)).isEqualTo(SchedulingState.FINISHED);
    }

    @Test
    void boundBeatsDeletion() {
        Pod p =
                pending()
                        .editMetadata()
                        .withDeletionTimestamp("2026-01-01T00:00:00Z")
                        .endMetadata()
                        .editSpec()
                        .withNodeName("n1")
                        .endSpec()
                        .build();
        assertThat(PodStates.classify(p)).isEqualTo(SchedulingState.BOUND);
    }

    @Test
    void unboundBeingDeletedIsIgnored() {
        Pod p =
                pending()
                        .editMetadata()
                        .withDeletionTimestamp("2026-01-01T00:00:00Z")
                        .endMetadata()
                        .build();
        assertThat(PodStates.classify(p)).isEqualTo(SchedulingState.TERMINATING);
    }

    @Test
    void gatesBeatTheUnschedulableCondition() {
        Pod p =
                new PodBuilder(withScheduled("False", "Unschedulable"))
                        .editSpec()
                        .addNewSchedulingGate()
                        .withName("g")
                        .endSchedulingGate()
                        .endSpec()
                        .build();
        assertThat(PodStates.classify(p)).isEqualTo(SchedulingState.GATED);
    }

    @Test
    void nominatedPodsWaitForPreemption() {
        Pod p =
                new PodBuilder(withScheduled("False", "Unschedulable"))
                        .editStatus()
                        .withNominatedNodeName("n2")
                        .endStatus()
                        .build();
        assertThat(PodStates.classify(p)).isEqualTo(SchedulingState.NOMINATED);
    }

    @Test
    void conditionDecidesTheRest() {
        assertThat(PodStates.classify(withScheduled("False", "Unschedulable")))
                .isEqualTo(SchedulingState.UNSCHEDULABLE);
        assertThat(PodStates.classify(withScheduled("False", "")))
                .isEqualTo(SchedulingState.UNPROCESSED);
        assertThat(PodStates.classify(withScheduled("False", null)))
                .isEqualTo(SchedulingState.UNPROCESSED);
        assertThat(PodStates.classify(pending().build())).isEqualTo(SchedulingState.UNPROCESSED);
        assertThat(PodStates.classify(withScheduled("False", "SchedulerError")))
                .isEqualTo(SchedulingState.WAITING);
        assertThat(PodStates.classify(withScheduled("True", null)))
                .isEqualTo(SchedulingState.WAITING);
    }
}
