package org.k8sca.kube.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.PodVolume;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.translate.DaemonSetTranslator;
import org.k8sca.kube.translate.NodeTranslator;
import org.k8sca.kube.translate.PodTranslator;

import java.util.List;
import java.util.Map;

class CacheTrimmerTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final String T = "2026-11-24T10:00:00Z";

    @Test
    void aTrimmedBoundPodTranslatesAsTheWholeOne() throws Exception {
        Pod whole = pod("web-1", "n1", true);
        Pod trimmed = copy(whole);

        CacheTrimmer.trim(trimmed);

        ObservedPod expected = PodTranslator.translate(whole);
        assertThat(PodTranslator.translate(trimmed)).isEqualTo(expected);
        // The translation really uses what was kept: ports, requests, volumes, the sidecar.
        assertThat(expected.state()).isEqualTo(SchedulingState.BOUND);
        assertThat(expected.pod().hostPorts()).hasSize(1);
        assertThat(expected.pod().requests().milliCpu()).isEqualTo(250 + 50);
        assertThat(expected.pod().volumes())
                .extracting(PodVolume::kind)
                .contains(PodVolume.Kind.EMPTY_DIR, PodVolume.Kind.OTHER);
        assertThat(expected.claimNames()).containsExactly("data");

        assertThat(trimmed.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getContainerStatuses()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getConditions())
                .extracting(c -> c.getType())
                .containsExactly("PodScheduled");
        PodSpec spec = trimmed.getSpec();
        assertThat(spec.getContainers().get(0).getEnv()).isNullOrEmpty();
        assertThat(spec.getContainers().get(0).getReadinessProbe()).isNull();
        assertThat(spec.getContainers().get(0).getImage()).isNull();
        assertThat(spec.getVolumes()).allSatisfy(v -> assertThat(v.getProjected()).isNull());
    }

    @Test
    void trimmedPodsShareTheirRepeatedStringsAndHaveNoExtrasMapsOfTheirOwn() {
        Pod a = copy(pod("web-1", "n1", true));
        Pod b = copy(pod("web-2", "n1", true));
        assertThat(a.getMetadata().getLabels().get("app"))
                .isNotSameAs(b.getMetadata().getLabels().get("app"));

        CacheTrimmer.trim(a);
        CacheTrimmer.trim(b);

        assertThat(a.getMetadata().getLabels().get("app"))
                .isSameAs(b.getMetadata().getLabels().get("app"));
        assertThat(a.getSpec().getNodeName()).isSameAs(b.getSpec().getNodeName());
        assertThat(a.getMetadata().getOwnerReferences().get(0).getUid())
                .isSameAs(b.getMetadata().getOwnerReferences().get(0).getUid());
        assertThat(
                        a.getSpec()
                                .getContainers()
                                .get(0)
                                .getResources()
                                .getRequests()
                                .get("cpu")
                                .getAmount())
                .isSameAs(
                        b.getSpec()
                                .getContainers()
                                .get(0)
                                .getResources()
                                .getRequests()
                                .get("cpu")
                                .getAmount());
        assertThat(a.getSpec().getAdditionalProperties()).isEmpty();
        assertThat(a.getSpec().getAdditionalProperties())
                .isSameAs(b.getSpec().getAdditionalProperties());
        // Unique values stay unique.
        assertThat(a.getMetadata().getName()).isEqualTo("web-1");
        assertThat(b.getMetadata().getName()).isEqualTo("web-2");
        // Still serializable, as the /snapshot endpoint needs.
        assertThat(JSON.asJson(a)).contains("\"name\":\"web-1\"");
    }

    @Test
    void aTrimmedPendingPodIsStillUnschedulableSinceTheSameTime() throws Exception {
        Pod whole = pod("web-2", null, false);
        Pod trimmed = copy(whole);

        CacheTrimmer.trim(trimmed);

        ObservedPod expected = PodTranslator.translate(whole);
        assertThat(expected.state()).isEqualTo(SchedulingState.UNSCHEDULABLE);
        assertThat(PodTranslator.translate(trimmed)).isEqualTo(expected);
    }

    @Test
    void aTrimmedNodeTranslatesAsTheWholeOne() throws Exception {
        Node whole =
                new NodeBuilder()
                        .withNewMetadata()
                        .withName("n1")
                        .withCreationTimestamp(T)
                        .addToLabels("kubernetes.io/hostname", "n1")
                        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
                        .endMetadata()
                        .withNewSpec()
                        .withProviderID("kamatera://n1")
                        .addNewTaint()
                        .withKey("dedicated")
                        .withValue("batch")
                        .withEffect("NoSchedule")
                        .endTaint()
                        .endSpec()
                        .withNewStatus()
                        .withCapacity(Map.of("cpu", new Quantity("4"), "pods", new Quantity("110")))
                        .withAllocatable(
                                Map.of("cpu", new Quantity("3900m"), "pods", new Quantity("110")))
                        .addToConditions(
                                new NodeConditionBuilder()
                                        .withType("Ready")
                                        .withStatus("True")
                                        .withLastTransitionTime(T)
                                        .build())
                        .addNewAddress()
                        .withType("InternalIP")
                        .withAddress("10.0.0.1")
                        .endAddress()
                        .addNewImage()
                        .withNames("registry.example.com/app@sha256:abc", "app:1")
                        .withSizeBytes(1000L)
                        .endImage()
                        .withNewNodeInfo()
                        .withKubeletVersion("v1.31.2")
                        .endNodeInfo()
                        .endStatus()
                        .build();
        Node trimmed = JSON.unmarshal(JSON.asJson(whole), Node.class);

        CacheTrimmer.trim(trimmed);

        assertThat(NodeTranslator.translate(trimmed)).isEqualTo(NodeTranslator.translate(whole));
        assertThat(NodeTranslator.translate(whole).ready()).isTrue();
        assertThat(trimmed.getStatus().getImages()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getNodeInfo()).isNull();
    }

    @Test
    void aTrimmedDaemonSetTranslatesAsTheWholeOne() throws Exception {
        Pod template = pod("agent", null, false);
        DaemonSet whole =
                new DaemonSetBuilder()
                        .withNewMetadata()
                        .withName("agent")
                        .withNamespace("kube-system")
                        .withUid("ds-uid")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSelector()
                        .addToMatchLabels("app", "web")
                        .endSelector()
                        .withNewTemplate()
                        .withMetadata(template.getMetadata())
                        .withSpec(template.getSpec())
                        .endTemplate()
                        .endSpec()
                        .build();
        DaemonSet trimmed = JSON.unmarshal(JSON.asJson(whole), DaemonSet.class);

        CacheTrimmer.trim(trimmed);

        assertThat(DaemonSetTranslator.translate(trimmed))
                .isEqualTo(DaemonSetTranslator.translate(whole));
        assertThat(trimmed.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .isNullOrEmpty();
    }

    private static Pod copy(Pod pod) {
        return JSON.unmarshal(JSON.asJson(pod), Pod.class);
    }

    /** A pod as an API server returns it: admission defaults, status and all. */
    private static Pod pod(String name, String node, boolean bound) {
        PodBuilder b =
                new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("shop")
                        .withUid(name + "-uid")
                        .withCreationTimestamp(T)
                        .addToLabels("app", "web")
                        .addToAnnotations("cluster-autoscaler.kubernetes.io/safe-to-evict", "true")
                        .withManagedFields(
                                new ManagedFieldsEntryBuilder()
                                        .withManager("kube-controller-manager")
                                        .withOperation("Update")
                                        .build())
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("web-6b7f9")
                        .withUid("rs-uid")
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .withNewSpec()
                        .withNodeName(node)
                        .withPriority(100)
                        .withSchedulerName("default-scheduler")
                        .withTerminationGracePeriodSeconds(30L)
                        .addToNodeSelector("disk", "ssd")
                        .addNewToleration()
                        .withKey("node.kubernetes.io/not-ready")
                        .withOperator("Exists")
                        .withEffect("NoExecute")
                        .withTolerationSeconds(300L)
                        .endToleration()
                        .withNewAffinity()
                        .withNewPodAntiAffinity()
                        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNewLabelSelector()
                        .addToMatchLabels("app", "web")
                        .endLabelSelector()
                        .withTopologyKey("kubernetes.io/hostname")
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endPodAntiAffinity()
                        .endAffinity()
                        .addToInitContainers(
                                new ContainerBuilder()
                                        .withName("proxy")
                                        .withImage("proxy:1")
                                        .withRestartPolicy("Always")
                                        .withNewResources()
                                        .addToRequests("cpu", new Quantity("50m"))
                                        .endResources()
                                        .addNewEnv()
                                        .withName("MODE")
                                        .withValue("sidecar")
                                        .endEnv()
                                        .build())
                        .addToContainers(
                                new ContainerBuilder()
                                        .withName("main")
                                        .withImage("registry.example.com/web:1.4.2")
                                        .withImagePullPolicy("IfNotPresent")
                                        .addNewPort()
                                        .withContainerPort(8080)
                                        .withHostPort(8080)
                                        .withProtocol("TCP")
                                        .endPort()
                                        .addNewEnv()
                                        .withName("APP")
                                        .withValue("web")
                                        .endEnv()
                                        .withNewResources()
                                        .addToRequests("cpu", new Quantity("250m"))
                                        .addToRequests("memory", new Quantity("256Mi"))
                                        .addToLimits("memory", new Quantity("512Mi"))
                                        .endResources()
                                        .withNewReadinessProbe()
                                        .withNewHttpGet()
                                        .withPath("/healthz")
                                        .withPort(new IntOrString(8080))
                                        .endHttpGet()
                                        .endReadinessProbe()
                                        .addNewVolumeMount()
                                        .withName("kube-api-access-abcde")
                                        .withMountPath("/var/run/secrets")
                                        .endVolumeMount()
                                        .build())
                        .addNewVolume()
                        .withName("cache")
                        .withNewEmptyDir()
                        .endEmptyDir()
                        .endVolume()
                        .addNewVolume()
                        .withName("data")
                        .withNewPersistentVolumeClaim()
                        .withClaimName("data")
                        .endPersistentVolumeClaim()
                        .endVolume()
                        .addNewVolume()
                        .withName("kube-api-access-abcde")
                        .withNewProjected()
                        .addNewSource()
                        .withNewServiceAccountToken()
                        .withPath("token")
                        .endServiceAccountToken()
                        .endSource()
                        .endProjected()
                        .endVolume()
                        .endSpec();
        if (bound) {
            b.withNewStatus()
                    .withPhase("Running")
                    .withHostIP("10.0.0.1")
                    .withPodIP("10.244.0.5")
                    .withStartTime(T)
                    .withQosClass("Burstable")
                    .withConditions(
                            List.of(
                                    condition("Initialized", "True", null),
                                    condition("Ready", "True", null),
                                    condition("PodScheduled", "True", null)))
                    .addNewContainerStatus()
                    .withName("main")
                    .withReady(true)
                    .withImage("registry.example.com/web:1.4.2")
                    .withNewState()
                    .withNewRunning(T)
                    .endState()
                    .endContainerStatus()
                    .endStatus();
        } else {
            b.withNewStatus()
                    .withPhase("Pending")
                    .withQosClass("Burstable")
                    .withConditions(List.of(condition("PodScheduled", "False", "Unschedulable")))
                    .endStatus();
        }
        return b.build();
    }

    private static io.fabric8.kubernetes.api.model.PodCondition condition(
            String type, String status, String reason) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withLastTransitionTime(T)
                .build();
    }
}
