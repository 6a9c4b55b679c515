package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.kube.objects.PersistentVolumeInfo;
import org.k8sca.kube.objects.VolumeClaim;
import org.k8sca.kube.objects.Workload;

import java.util.Map;

class WorkloadAndVolumeTranslatorTest {

    @Test
    void workloadsCarryDesiredAndCurrentReplicas() throws Exception {
        assertThat(
                        WorkloadTranslator.replicaSet(
                                new ReplicaSetBuilder()
                                        .withNewMetadata()
                                        .withNamespace("a")
                                        .withName("rs")
                                        .withUid("u1")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withReplicas(3)
                                        .endSpec()
                                        .withNewStatus()
                                        .withReplicas(2)
                                        .endStatus()
                                        .build()))
                .isEqualTo(new Workload("ReplicaSet", "a", "rs", "u1", 3, 2));
        assertThat(
                        WorkloadTranslator.replicationController(
                                new ReplicationControllerBuilder()
                                        .withNewMetadata()
                                        .withNamespace("a")
                                        .withName("rc")
                                        .withUid("u2")
                                        .endMetadata()
                                        .build()))
                .isEqualTo(new Workload("ReplicationController", "a", "rc", "u2", 1, 0));
        assertThat(
                        WorkloadTranslator.statefulSet(
                                new StatefulSetBuilder()
                                        .withNewMetadata()
                                        .withNamespace("a")
                                        .withName("db")
                                        .withUid("u3")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withReplicas(5)
                                        .endSpec()
                                        .withNewStatus()
                                        .withReplicas(5)
                                        .endStatus()
                                        .build()))
                .isEqualTo(new Workload("StatefulSet", "a", "db", "u3", 5, 5));
        assertThat(
                        WorkloadTranslator.job(
                                new JobBuilder()
                                        .withNewMetadata()
                                        .withNamespace("a")
                                        .withName("j")
                                        .withUid("u4")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withParallelism(4)
                                        .endSpec()
                                        .withNewStatus()
                                        .withActive(1)
                                        .endStatus()
                                        .build()))
                .isEqualTo(new Workload("Job", "a", "j", "u4", 4, 1));
    }

    @Test
    void volumesClaimsAndClasses() throws Exception {
        VolumeClaim claim =
                VolumeTranslator.claim(
                        new PersistentVolumeClaimBuilder()
                                .withNewMetadata()
                                .withNamespace("db")
                                .withName("data-0")
                                .endMetadata()
                                .withNewSpec()
                                .withVolumeName("pv-1")
                                .withStorageClassName("local")
                                .endSpec()
                                .build());
        assertThat(claim).isEqualTo(new VolumeClaim("db", "data-0", "pv-1", "local"));
        assertThat(claim.bound()).isTrue();

        PersistentVolumeInfo pv =
                VolumeTranslator.volume(
                        new PersistentVolumeBuilder()
                                .withNewMetadata()
                                .withName("pv-1")
                                .withLabels(
                                        Map.of("topology.kubernetes.io/zone", "eu-1", "team", "x"))
                                .endMetadata()
                                .withNewSpec()
                                .withNewClaimRef()
                                .withNamespace("db")
                                .withName("data-0")
                                .endClaimRef()
                                .withNewNodeAffinity()
                                .withNewRequired()
                                .addNewNodeSelectorTerm()
                                .addNewMatchExpression()
                                .withKey("kubernetes.io/hostname")
                                .withOperator("In")
                                .withValues("n7")
                                .endMatchExpression()
                                .endNodeSelectorTerm()
                                .endRequired()
                                .endNodeAffinity()
                                .endSpec()
                                .build());
        assertThat(pv.claimKey()).isEqualTo("db/data-0");
        assertThat(pv.topologyLabels()).isEqualTo(Labels.of("topology.kubernetes.io/zone", "eu-1"));
        assertThat(pv.nodeAffinity().matches(Labels.of("kubernetes.io/hostname", "n7"), "n7"))
                .isTrue();
        assertThat(pv.nodeAffinity().matches(Labels.of("kubernetes.io/hostname", "n8"), "n8"))
                .isFalse();

        assertThat(
                        VolumeTranslator.waitsForFirstConsumer(
                                new StorageClassBuilder()
                                        .withNewMetadata()
                                        .withName("local")
                                        .endMetadata()
                                        .withVolumeBindingMode("WaitForFirstConsumer")
                                        .build()))
                .isTrue();
        assertThat(
                        VolumeTranslator.waitsForFirstConsumer(
                                new StorageClassBuilder()
                                        .withNewMetadata()
                                        .withName("std")
                                        .endMetadata()
                                        .build()))
                .isFalse();
    }

    @Test
    void namespaceLabels() throws Exception {
        assertThat(
                        NamespaceTranslator.labels(
                                new NamespaceBuilder()
                                        .withNewMetadata()
                                        .withName("shop")
                                        .withLabels(Map.of("kubernetes.io/metadata.name", "shop"))
                                        .endMetadata()
                                        .build()))
                .isEqualTo(Labels.of("kubernetes.io/metadata.name", "shop"));
    }
}
