package org.k8sca.kube.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;

import org.junit.jupiter.api.Test;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;

import java.util.Map;

class DaemonSetTranslatorTest {

    private static DaemonSetBuilder ds(boolean hostNetwork) {
        return new DaemonSetBuilder()
                .withNewMetadata()
                .withNamespace("kube-system")
                .withName("agent")
                .withUid("ds-uid")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "agent"))
                .endMetadata()
                .withNewSpec()
                .withHostNetwork(hostNetwork)
                .withContainers(PodTranslatorTest.container("agent", "50m", "32Mi"))
                .addNewToleration()
                .withKey("dedicated")
                .withOperator("Exists")
                .endToleration()
                .endSpec()
                .endTemplate()
                .endSpec();
    }

    @Test
    void templatePodIsWhatTheControllerWouldCreate() throws Exception {
        DaemonSet d = DaemonSetTranslator.translate(ds(false).build());

        assertThat(d.namespace()).isEqualTo("kube-system");
        assertThat(d.uid()).isEqualTo("ds-uid");
        Pod pod = d.podFor("node-1");
        assertThat(pod.nodeName()).isEqualTo("node-1");
        assertThat(pod.owner())
                .isEqualTo(OwnerReference.controller("DaemonSet", "agent", "ds-uid"));
        assertThat(pod.isDaemonSetPod()).isTrue();
        assertThat(pod.labels().get("app")).isEqualTo("agent");
        assertThat(pod.requests().milliCpu()).isEqualTo(50);
        assertThat(pod.tolerations())
                .contains(
                        Toleration.exists("dedicated", null),
                        Toleration.exists("node.kubernetes.io/not-ready", TaintEffect.NO_EXECUTE),
                        Toleration.exists(
                                "node.kubernetes.io/unschedulable", TaintEffect.NO_SCHEDULE));
        assertThat(pod.tolerations()).doesNotContain(DaemonSetTranslator.NETWORK_UNAVAILABLE);
    }

    @Test
    void hostNetworkPodsAlsoTolerateAnUnavailableNetwork() throws Exception {
        assertThat(DaemonSetTranslator.translate(ds(true).build()).template().tolerations())
                .contains(DaemonSetTranslator.NETWORK_UNAVAILABLE);
    }

    @Test
    void missingTemplateIsAnError() {
        assertThatThrownBy(
                        () ->
                                DaemonSetTranslator.translate(
                                        new DaemonSetBuilder()
                                                .withNewMetadata()
                                                .withNamespace("x")
                                                .withName("y")
                                                .endMetadata()
                                                .build()))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("spec.template");
    }
}
