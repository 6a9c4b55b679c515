package org.k8sca.kube.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.translate.TranslationException;

import java.util.Map;

class ClusterObjectsBuilderTest {

    private static Pod podWithClaim(String name, String claim) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("img")
                .endContainer()
                .addNewVolume()
                .withName("data")
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .build();
    }

    @Test
    void sortsObjectsWhateverTheirOrderAndIgnoresKindsTheAutoscalerDoesNotRead() throws Exception {
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder("kube-system");
        assertThat(
                        builder.add(
                                new NodeBuilder()
                                        .withNewMetadata()
                                        .withName("n2")
                                        .endMetadata()
                                        .build()))
                .isTrue();
        assertThat(
                        builder.add(
                                new NodeBuilder()
                                        .withNewMetadata()
                                        .withName("n1")
                                        .endMetadata()
                                        .build()))
                .isTrue();
        assertThat(builder.add(podWithClaim("b", "c1"))).isTrue();
        assertThat(builder.add(podWithClaim("a", "c1"))).isTrue();
        assertThat(
                        builder.add(
                                new SecretBuilder()
                                        .withNewMetadata()
                                        .withNamespace("shop")
                                        .withName("s")
                                        .endMetadata()
                                        .build()))
                .isFalse();

        ClusterObjects objects = builder.build();

        assertThat(objects.nodes()).extracting(n -> n.name()).containsExactly("n1", "n2");
        assertThat(objects.pods()).extracting(ObservedPod::key).containsExactly("shop/a", "shop/b");
    }

    @Test
    void withoutAnyClaimsInTheSnapshotClaimsAreAssumedProvisionable() throws Exception {
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder("kube-system");
        builder.add(podWithClaim("web", "data-web"));

        assertThat(builder.build().pods().get(0).pod().unboundImmediateClaims()).isFalse();
    }

    @Test
    void aClaimMissingFromASnapshotThatHasClaimsMakesThePodUnplaceableAsInTheLiveView()
            throws Exception {
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder("kube-system");
        builder.add(podWithClaim("web", "missing"));
        builder.add(
                new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withNamespace("shop")
                        .withName("other")
                        .endMetadata()
                        .withNewSpec()
                        .withVolumeName("pv-1")
                        .endSpec()
                        .build());

        assertThat(builder.build().pods().get(0).pod().unboundImmediateClaims()).isTrue();
    }

    @Test
    void workloadsAreFoundByUidAndThePriorityExpanderConfigOnlyInTheAutoscalerNamespace()
            throws Exception {
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder("autoscaling");
        builder.add(
                new ReplicaSetBuilder()
                        .withNewMetadata()
                        .withNamespace("shop")
                        .withName("web-1")
                        .withUid("rs-uid")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(3)
                        .endSpec()
                        .build());
        builder.add(
                new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace("kube-system")
                        .withName(ClusterView.PRIORITY_EXPANDER_CONFIG_MAP)
                        .endMetadata()
                        .withData(Map.of("priorities", "wrong"))
                        .build());
        assertThat(builder.build().priorityExpanderConfig()).isEmpty();

        builder.add(
                new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace("autoscaling")
                        .withName(ClusterView.PRIORITY_EXPANDER_CONFIG_MAP)
                        .endMetadata()
                        .withData(Map.of("priorities", "10: [a]"))
                        .build());
        ClusterObjects objects = builder.build();

        assertThat(objects.workloadsByUid().get("rs-uid").desiredReplicas()).isEqualTo(3);
        assertThat(objects.priorityExpanderConfig()).containsEntry("priorities", "10: [a]");
    }

    @Test
    void anObjectThatCannotBeTranslatedIsAnErrorNamingIt() {
        Pod bad =
                new PodBuilder()
                        .withNewMetadata()
                        .withNamespace("shop")
                        .withName("greedy")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("app")
                        .withImage("img")
                        .withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("lots")))
                        .endResources()
                        .endContainer()
                        .endSpec()
                        .build();
        ClusterObjectsBuilder builder = new ClusterObjectsBuilder("kube-system");

        assertThatThrownBy(
                        () -> {
                            builder.add(bad);
                            builder.build();
                        })
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("shop/greedy")
                .hasMessageContaining("cpu");
    }
}
