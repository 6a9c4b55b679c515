package org.k8sca.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.testing.FakeCloudProvider;
import org.k8sca.core.testing.FakeNodeGroup;
import org.k8sca.core.testing.StepClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class TemplateNodeBuilderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final OwnerReference DS =
            OwnerReference.controller("DaemonSet", "agent", "ds-1");

    private final ClusterSnapshot snapshot = new ClusterSnapshot();
    private final FakeCloudProvider provider = new FakeCloudProvider();
    private final TemplateNodeBuilder builder = new TemplateNodeBuilder(StepClock.fixed(NOW));

    private Node realNode(String name, Instant readySince, Taint... taints) {
        return node(name, 4000, 16)
                .labels(Labels.of("kubernetes.io/hostname", name, "pool", "web"))
                .providerId("kamatera://" + name)
                .taints(List.of(taints))
                .lastReadyTransition(readySince)
                .build();
    }

    @Test
    void aStableReadyNodeIsSanitizedIntoTheTemplate() {
        FakeNodeGroup g = new FakeNodeGroup("web", 0, 5, 1);
        provider.add(g).assign("n1", g);
        Taint custom = new Taint("dedicated", "web", TaintEffect.NO_SCHEDULE);
        snapshot.addNode(
                realNode(
                        "n1",
                        NOW.minus(Duration.ofMinutes(5)),
                        custom,
                        new Taint(
                                "DeletionCandidateOfClusterAutoscaler",
                                "123",
                                TaintEffect.PREFER_NO_SCHEDULE),
                        new Taint(
                                "startup-taint.cluster-autoscaler.kubernetes.io/cni",
                                "",
                                TaintEffect.NO_SCHEDULE),
                        new Taint("node.kubernetes.io/not-ready", "", TaintEffect.NO_EXECUTE)));
        snapshot.addPod(pod("agent-x", 100, 100).owner(DS).build(), "n1");
        snapshot.addPod(
                pod("static", 100, 100).annotations(Map.of(Pod.MIRROR_ANNOTATION, "x")).build(),
                "n1");
        snapshot.addPod(pod("app", 1000, 100).build(), "n1");
        snapshot.addPod(pod("dying-agent", 100, 100).owner(DS).terminating(true).build(), "n1");

        GroupTemplate t = builder.build(provider, snapshot, List.of()).get("web");

        assertThat(t.source()).isEqualTo(TemplateSource.READY_NODE);
        Node n = t.template().node();
        assertThat(n.name()).isEqualTo("template-node-for-web");
        assertThat(n.labels().get("kubernetes.io/hostname")).isEqualTo("template-node-for-web");
        assertThat(n.labels().get(NodeTemplates.TEMPLATE_LABEL)).isEqualTo("true");
        assertThat(n.labels().get("pool")).isEqualTo("web");
        assertThat(n.providerId()).isEmpty();
        assertThat(n.taints()).containsExactly(custom);
        assertThat(t.template().pods())
                .extracting(Pod::name)
                .containsExactlyInAnyOrder(
                        "agent-x-template-node-for-web", "static-template-node-for-web");
        assertThat(t.template().pods())
                .allSatisfy(p -> assertThat(p.nodeName()).isEqualTo("template-node-for-web"));
    }

    @Test
    void aNodeReadyForLessThanAMinuteIsNotUsedButTheCacheIs() {
        FakeNodeGroup g = new FakeNodeGroup("web", 0, 5, 1);
        provider.add(g).assign("n1", g).assign("n2", g);
        snapshot.addNode(realNode("n1", NOW.minus(Duration.ofMinutes(5))));
        assertThat(builder.build(provider, snapshot, List.of()).get("web").source())
                .isEqualTo(TemplateSource.READY_NODE);

        snapshot.removeNode("n1");
        snapshot.addNode(realNode("n2", NOW.minusSeconds(30)));
        GroupTemplate t = builder.build(provider, snapshot, List.of()).get("web");

        assertThat(t.source()).isEqualTo(TemplateSource.CACHED_NODE);
        assertThat(t.template().node().labels().get("pool")).isEqualTo("web");
    }

    @Test
    void aNodeBeingDeletedIsNoTemplate() {
        FakeNodeGroup g = new FakeNodeGroup("web", 0, 5, 1);
        provider.add(g).assign("n1", g);
        snapshot.addNode(
                realNode(
                        "n1",
                        null,
                        new Taint(TemplateTaints.TO_BE_DELETED, "1", TaintEffect.NO_SCHEDULE)));

        GroupTemplate t = builder.build(provider, snapshot, List.of()).get("web");

        assertThat(t.source()).isEqualTo(TemplateSource.UNREADY_NODE);
        assertThat(t.problem()).contains("n1").contains("cannot describe a new node");
        assertThat(t.template().node().taints()).isEmpty();
    }

    @Test
    void theCloudTemplateGetsTheDaemonSetsThatWouldRunThere() {
        Node cloud =
                node("whatever", 2000, 8)
                        .labels(Labels.of("pool", "gpu"))
                        .taints(List.of(new Taint("gpu", "true", TaintEffect.NO_SCHEDULE)))
                        .build();
        provider.add(
                new FakeNodeGroup("gpu", 0, 5, 0).template(new NodeTemplate(cloud, List.of())));
        DaemonSet everywhere =
                new DaemonSet(
                        "kube-system",
                        "everywhere",
                        "ds-a",
                        pod("everywhere", 100, 100)
                                .tolerations(List.of(Toleration.everything()))
                                .build());
        DaemonSet untolerating =
                new DaemonSet("kube-system", "plain", "ds-b", pod("plain", 100, 100).build());
        DaemonSet elsewhere =
                new DaemonSet(
                        "kube-system",
                        "elsewhere",
                        "ds-c",
                        pod("elsewhere", 100, 100)
                                .tolerations(List.of(Toleration.everything()))
                                .nodeSelector(Labels.of("pool", "web"))
                                .build());

        GroupTemplate t =
                builder.build(provider, snapshot, List.of(everywhere, untolerating, elsewhere))
                        .get("gpu");

        assertThat(t.source()).isEqualTo(TemplateSource.CLOUD_TEMPLATE);
        assertThat(t.template().node().name()).isEqualTo("template-node-for-gpu");
        assertThat(t.template().pods())
                .extracting(Pod::name)
                .containsExactly("everywhere-template-node-for-gpu");
    }

    @Test
    void noNodeAndNoCloudTemplateMeansNoTemplate() {
        provider.add(new FakeNodeGroup("empty", 0, 5, 0));

        GroupTemplate t = builder.build(provider, snapshot, List.of()).get("empty");

        assertThat(t.present()).isFalse();
        assertThat(t.source()).isEqualTo(TemplateSource.NONE);
        assertThat(t.problem())
                .isEqualTo(
                        "no template: no node of the group and the provider cannot describe a new"
                                + " node of this group");
    }

    @Test
    void copiesHaveTheirOwnNamesAndPodIdentities() {
        Pod agent = pod("agent", 100, 100).owner(DS).nodeName("template-node-for-web").build();
        NodeTemplate t =
                new NodeTemplate(node("template-node-for-web", 1000, 1).build(), List.of(agent));

        NodeTemplate a = NodeTemplates.copy(t, "copy-a", true);
        NodeTemplate b = NodeTemplates.copy(t, "copy-b", false);

        assertThat(a.node().annotations()).containsEntry(NodeTemplates.UPCOMING_ANNOTATION, "true");
        assertThat(b.node().annotations()).doesNotContainKey(NodeTemplates.UPCOMING_ANNOTATION);
        assertThat(a.node().labels().get("kubernetes.io/hostname")).isEqualTo("copy-a");
        assertThat(a.pods().get(0).uid()).isNotEqualTo(b.pods().get(0).uid());
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(a.node(), a.pods());
        s.addNode(b.node(), b.pods());
        assertThat(s.podCount()).isEqualTo(2);
    }
}
