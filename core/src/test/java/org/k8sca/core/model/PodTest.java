package org.k8sca.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.resources.ContainerRequests;
import org.k8sca.core.resources.Resources;

import java.util.List;
import java.util.Map;
import java.util.Set;

class PodTest {

    @Test
    void requestsAreComputedOnceFromTheContainers() {
        Pod p =
                Pod.builder("ns", "p")
                        .containers(
                                List.of(ContainerRequests.of("app", Resources.of(300, 0, 0, 0, 0))))
                        .initContainers(
                                List.of(
                                        ContainerRequests.sidecar(
                                                "proxy", Resources.of(100, 0, 0, 0, 0)),
                                        ContainerRequests.of(
                                                "migrate", Resources.of(1000, 0, 0, 0, 0))))
                        .overhead(Resources.of(10, 0, 0, 0, 0))
                        .build();
        // max(300 + 100, 1000 + 100) + 10
        assertThat(p.requests().milliCpu()).isEqualTo(1110);
        assertThat(p.requests().pods()).isEqualTo(1);
    }

    @Test
    void affinityTermsWithoutNamespacesMeanThePodsOwnNamespace() {
        PodAffinityTerm bare =
                PodAffinityTerm.of(
                        LabelSelector.matchLabels("app", "db"), "kubernetes.io/hostname");
        PodAffinityTerm listed =
                new PodAffinityTerm(
                        LabelSelector.matchLabels("app", "db"),
                        "kubernetes.io/hostname",
                        Set.of("x"),
                        null);
        PodAffinityTerm bySelector =
                new PodAffinityTerm(
                        LabelSelector.matchLabels("app", "db"),
                        "kubernetes.io/hostname",
                        Set.of(),
                        LabelSelector.EVERYTHING);
        Pod p =
                Pod.builder("shop", "p")
                        .affinityTerms(List.of(bare, listed))
                        .antiAffinityTerms(List.of(bySelector))
                        .build();
        assertThat(p.affinityTerms().get(0).namespaces()).containsExactly("shop");
        assertThat(p.affinityTerms().get(1).namespaces()).containsExactly("x");
        assertThat(p.antiAffinityTerms().get(0).namespaces()).isEmpty();
    }

    @Test
    void matchLabelKeysNarrowTheSpreadSelectorToThePodsValues() {
        TopologySpreadConstraint c =
                new TopologySpreadConstraint(
                        1,
                        "zone",
                        true,
                        LabelSelector.matchLabels("app", "web"),
                        1,
                        true,
                        false,
                        List.of("pod-template-hash", "absent"));
        Pod p =
                Pod.builder("ns", "p")
                        .labels(Labels.of("app", "web", "pod-template-hash", "abc"))
                        .spreadConstraints(List.of(c))
                        .build();
        LabelSelector merged = p.spreadConstraints().get(0).selector();
        assertThat(merged.matches(Labels.of("app", "web", "pod-template-hash", "abc"))).isTrue();
        assertThat(merged.matches(Labels.of("app", "web", "pod-template-hash", "old"))).isFalse();
        assertThat(merged.matches(Labels.of("app", "web"))).isFalse();
    }

    @Test
    void daemonSetAndMirrorPodsAreRecognised() {
        assertThat(
                        Pod.builder("kube-system", "ds")
                                .owner(OwnerReference.controller("DaemonSet", "ds", "u"))
                                .build()
                                .isDaemonSetPod())
                .isTrue();
        assertThat(
                        Pod.builder("kube-system", "x")
                                .annotations(Map.of(Pod.DAEMONSET_POD_ANNOTATION, "true"))
                                .build()
                                .isDaemonSetPod())
                .isTrue();
        assertThat(
                        Pod.builder("kube-system", "x")
                                .owner(OwnerReference.controller("ReplicaSet", "rs", "u"))
                                .build()
                                .isDaemonSetPod())
                .isFalse();
        assertThat(
                        Pod.builder("kube-system", "etcd")
                                .annotations(Map.of(Pod.MIRROR_ANNOTATION, "h"))
                                .build()
                                .isMirror())
                .isTrue();
    }

    @Test
    void missingIdentityIsAClearError() {
        assertThatThrownBy(() -> Pod.builder("", "p").build()).hasMessageContaining("namespace");
        assertThatThrownBy(() -> Pod.builder("ns", "").build())
                .hasMessageContaining("name")
                .hasMessageContaining("ns");
        assertThatThrownBy(() -> Node.builder("").build()).hasMessageContaining("node name");
    }

    @Test
    void equalTaintAndTolerationListsAreShared() {
        Taint t = new Taint("a", "b", TaintEffect.NO_SCHEDULE);
        Node n1 = Node.builder("n1").taints(List.of(t)).build();
        Node n2 =
                Node.builder("n2")
                        .taints(List.of(new Taint("a", "b", TaintEffect.NO_SCHEDULE)))
                        .build();
        assertThat(n1.taints()).isSameAs(n2.taints());
    }

    @Test
    void pdbCoversMatchingPodsOfItsNamespaceOnly() {
        PodDisruptionBudget pdb =
                new PodDisruptionBudget(
                        "shop",
                        "web",
                        LabelSelector.matchLabels("app", "web"),
                        IntOrPercent.parse("50%"),
                        null,
                        1);
        assertThat(pdb.covers(Pod.builder("shop", "w").labels(Labels.of("app", "web")).build()))
                .isTrue();
        assertThat(pdb.covers(Pod.builder("other", "w").labels(Labels.of("app", "web")).build()))
                .isFalse();
        assertThat(pdb.covers(Pod.builder("shop", "d").labels(Labels.of("app", "db")).build()))
                .isFalse();
        assertThat(pdb.minAvailable().resolve(5)).isEqualTo(3);
        assertThat(IntOrPercent.parse("2").resolve(5)).isEqualTo(2);
        assertThatThrownBy(() -> IntOrPercent.parse("half")).hasMessageContaining("half");
    }

    @Test
    void daemonSetPodsAreBoundToTheirNode() {
        Pod template =
                Pod.builder("kube-system", "proxy").requests(Resources.of(100, 0, 0, 0, 0)).build();
        DaemonSet ds = new DaemonSet("kube-system", "kube-proxy", "ds-uid", template);
        Pod onNode = ds.podFor("n1");
        assertThat(onNode.nodeName()).isEqualTo("n1");
        assertThat(onNode.uid()).isNotEqualTo(ds.podFor("n2").uid());
        assertThat(onNode.requests()).isEqualTo(template.requests());
    }
}
