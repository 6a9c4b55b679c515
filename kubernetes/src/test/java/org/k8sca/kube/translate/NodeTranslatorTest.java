package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.resources.Resources;

import java.time.Instant;
import java.util.Map;

class NodeTranslatorTest {

    private static NodeBuilder node() {
        return new NodeBuilder()
                .withNewMetadata()
                .withName("k-1")
                .withLabels(Map.of("kubernetes.io/hostname", "k-1", "zone", "eu"))
                .withAnnotations(
                        Map.of("cluster-autoscaler.kubernetes.io/scale-down-disabled", "true"))
                .withCreationTimestamp("2026-05-01T12:00:00Z")
                .endMetadata()
                .withNewSpec()
                .withProviderID("kamatera://k-1")
                .withUnschedulable(true)
                .addNewTaint()
                .withKey("ToBeDeletedByClusterAutoscaler")
                .withValue("1700000000")
                .withEffect("NoSchedule")
                .endTaint()
                .addNewTaint()
                .withKey("dedicated")
                .withEffect("PreferNoSchedule")
                .endTaint()
                .endSpec()
                .withNewStatus()
                .withCapacity(
                        Map.of(
                                "cpu",
                                new Quantity("4"),
                                "memory",
                                new Quantity("8Gi"),
                                "pods",
                                new Quantity("110"),
                                "ephemeral-storage",
                                new Quantity("100G"),
                                "nvidia.com/gpu",
                                new Quantity("1")))
                .withAllocatable(
                        Map.of(
                                "cpu",
                                new Quantity("3800m"),
                                "memory",
                                new Quantity("7Gi"),
                                "pods",
                                new Quantity("110"),
                                "hugepages-2Mi",
                                new Quantity("0")))
                .addNewCondition()
                .withType("MemoryPressure")
                .withStatus("False")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime("2026-05-01T12:01:00Z")
                .endCondition()
                .endStatus();
    }

    @Test
    void translatesEveryField() throws Exception {
        Node n = NodeTranslator.translate(node().build());

        assertThat(n.name()).isEqualTo("k-1");
        assertThat(n.providerId()).isEqualTo("kamatera://k-1");
        assertThat(n.labels()).isEqualTo(Labels.of("kubernetes.io/hostname", "k-1", "zone", "eu"));
        assertThat(n.annotations())
                .containsEntry("cluster-autoscaler.kubernetes.io/scale-down-disabled", "true");
        assertThat(n.taints())
                .containsExactly(
                        new Taint(
                                "ToBeDeletedByClusterAutoscaler",
                                "1700000000",
                                TaintEffect.NO_SCHEDULE),
                        new Taint("dedicated", "", TaintEffect.PREFER_NO_SCHEDULE));
        assertThat(n.unschedulable()).isTrue();
        assertThat(n.ready()).isTrue();
        assertThat(n.lastReadyTransition()).isEqualTo(Instant.parse("2026-05-01T12:01:00Z"));
        assertThat(n.creationTime()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(n.allocatable().milliCpu()).isEqualTo(3800);
        assertThat(n.allocatable().memoryBytes()).isEqualTo(7L << 30);
        assertThat(n.allocatable().pods()).isEqualTo(110);
        assertThat(n.allocatable().extendedResourceNames()).containsExactly("hugepages-2Mi");
        assertThat(n.capacity().milliCpu()).isEqualTo(4000);
        assertThat(n.capacity().ephemeralStorageBytes()).isEqualTo(100_000_000_000L);
        assertThat(n.capacity().gpus()).isEqualTo(1);
    }

    @Test
    void notReadyWhenConditionFalseOrMissing() throws Exception {
        Node unready =
                NodeTranslator.translate(
                        node().editStatus()
                                .withConditions()
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("Unknown")
                                .endCondition()
                                .endStatus()
                                .build());
        assertThat(unready.ready()).isFalse();
        Node noConditions =
                NodeTranslator.translate(node().editStatus().withConditions().endStatus().build());
        assertThat(noConditions.ready()).isFalse();
        assertThat(noConditions.lastReadyTransition()).isNull();
    }

    @Test
    void capacityStandsInForMissingAllocatable() throws Exception {
        Node n =
                NodeTranslator.translate(
                        node().editStatus().withAllocatable(Map.of()).endStatus().build());
        assertThat(n.allocatable()).isEqualTo(n.capacity());
    }

    @Test
    void bareNodeTranslates() throws Exception {
        Node n =
                NodeTranslator.translate(
                        new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build());
        assertThat(n.allocatable()).isEqualTo(Resources.ZERO);
        assertThat(n.taints()).isEmpty();
        assertThat(n.ready()).isFalse();
    }

    @Test
    void badQuantityAndBadTaintNameNodeAndField() {
        assertThatThrownBy(
                        () ->
                                NodeTranslator.translate(
                                        node().editStatus()
                                                .withAllocatable(
                                                        Map.of("memory", new Quantity("7 Gi")))
                                                .endStatus()
                                                .build()))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("k-1")
                .hasMessageContaining("status.allocatable")
                .hasMessageContaining("memory");
        assertThatThrownBy(
                        () ->
                                NodeTranslator.translate(
                                        node().editSpec()
                                                .withTaints()
                                                .addNewTaint()
                                                .withKey("x")
                                                .withEffect("NoWay")
                                                .endTaint()
                                                .endSpec()
                                                .build()))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("spec.taints[0]")
                .hasMessageContaining("NoWay");
    }

    @Test
    void missingNameIsAnError() {
        assertThatThrownBy(
                        () ->
                                NodeTranslator.translate(
                                        new NodeBuilder().withNewMetadata().endMetadata().build()))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("metadata.name");
    }
}
