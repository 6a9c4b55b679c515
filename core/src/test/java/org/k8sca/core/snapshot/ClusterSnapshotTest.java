package org.k8sca.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.k8sca.core.Fixtures.HOSTNAME;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.List;

class ClusterSnapshotTest {

    private static List<String> names(ClusterSnapshot s) {
        return s.nodeInfos().stream().map(NodeInfo::name).toList();
    }

    @Test
    void aggregatesFollowAddsAndRemoves() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        Pod a = s.addPod(pod("a", 100, 10).hostPorts(List.of(HostPort.tcp(80))).build(), "n1");
        s.addPod(pod("b", 200, 20).build(), "n1");
        NodeInfo n1 = s.nodeInfo("n1");
        assertThat(a.nodeName()).isEqualTo("n1");
        assertThat(n1.requested()).isEqualTo(Resources.of(300, 30L << 20, 0, 2, 0));
        assertThat(n1.usedHostPorts()).containsExactly(HostPort.tcp(80));
        s.removePod("uid-a");
        assertThat(n1.requested()).isEqualTo(Resources.of(200, 20L << 20, 0, 1, 0));
        assertThat(n1.usedHostPorts()).isEmpty();
        assertThat(s.podCount()).isEqualTo(1);
    }

    @Test
    void revertRestoresEverythingChangedSinceTheFork() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.addNode(node("n2", 4000, 8).build());
        s.addPod(pod("a", 100, 10, "app", "web").build(), "n1");
        Resources before = s.nodeInfo("n1").requested();

        s.fork();
        s.addPod(pod("b", 100, 10, "app", "web").build(), "n1");
        s.removePod("uid-a");
        s.addNode(node("n3", 4000, 8).build());
        s.removeNode("n2");
        s.setNamespaceLabels("default", Labels.of("team", "x"));
        assertThat(names(s)).containsExactly("n1", "n3");
        s.revert();

        assertThat(names(s)).containsExactly("n1", "n2");
        assertThat(s.nodeInfo("n3")).isNull();
        assertThat(s.nodeInfo("n1").requested()).isEqualTo(before);
        assertThat(s.pods().keySet()).containsExactly("uid-a");
        assertThat(s.namespaceLabels("default")).isEqualTo(Labels.EMPTY);
        assertThat(s.forkDepth()).isZero();
    }

    @Test
    void removedNodesComeBackInTheirPlace() {
        ClusterSnapshot s = new ClusterSnapshot();
        for (String n : List.of("n1", "n2", "n3")) {
            s.addNode(node(n, 4000, 8).build());
        }
        s.addPod(pod("a", 100, 10).build(), "n2");
        s.fork();
        s.removeNode("n2");
        assertThat(s.pod("uid-a")).isNull();
        s.revert();
        assertThat(names(s)).containsExactly("n1", "n2", "n3");
        assertThat(s.pod("uid-a").nodeName()).isEqualTo("n2");
        assertThat(s.nodeInfo("n2").podCount()).isEqualTo(1);
    }

    @Test
    void nestedForksRevertAndCommitIndependently() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.fork();
        s.addPod(pod("outer", 100, 10).build(), "n1");
        s.fork();
        s.addPod(pod("inner", 100, 10).build(), "n1");
        s.revert();
        assertThat(s.pods().keySet()).containsExactly("uid-outer");
        s.fork();
        s.addPod(pod("kept", 100, 10).build(), "n1");
        s.commit();
        assertThat(s.pods().keySet()).containsExactlyInAnyOrder("uid-outer", "uid-kept");
        s.revert();
        assertThat(s.pods()).as("the outer revert also undoes the committed inner fork").isEmpty();
        assertThat(s.nodeInfo("n1").requested()).isEqualTo(Resources.ZERO);
    }

    @Test
    void commitWithoutAnOuterForkMakesChangesPermanent() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.fork();
        s.addPod(pod("a", 100, 10).build(), "n1");
        s.commit();
        assertThatThrownBy(s::revert)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fork");
        assertThat(s.pods()).containsKey("uid-a");
    }

    @Test
    void theAntiAffinityIndexCountsPodsPerDomainOfEachTerm() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        s.addNode(node("n2", 4000, 8).build());
        PodAffinityTerm apart =
                PodAffinityTerm.of(LabelSelector.matchLabels("app", "web"), HOSTNAME);
        s.addPod(pod("w1", 10, 10, "app", "web").antiAffinityTerms(List.of(apart)).build(), "n1");
        s.addPod(pod("w2", 10, 10, "app", "web").antiAffinityTerms(List.of(apart)).build(), "n1");
        s.addPod(pod("w3", 10, 10, "app", "web").antiAffinityTerms(List.of(apart)).build(), "n2");
        PodAffinityTerm normalized = apart.normalizedFor("default");
        assertThat(s.existingAntiAffinity()).containsOnlyKeys(normalized);
        assertThat(s.existingAntiAffinity().get(normalized))
                .containsEntry("n1", 2)
                .containsEntry("n2", 1);
        s.fork();
        s.removeNode("n1");
        assertThat(s.existingAntiAffinity().get(normalized))
                .containsOnly(java.util.Map.entry("n2", 1));
        s.revert();
        assertThat(s.existingAntiAffinity().get(normalized)).containsEntry("n1", 2);
    }

    @Test
    void badChangesAreRejectedWithNames() {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node("n1", 4000, 8).build());
        assertThatThrownBy(() -> s.addNode(node("n1", 1, 1).build()))
                .hasMessageContaining("n1")
                .hasMessageContaining("already");
        assertThatThrownBy(() -> s.addPod(pod("a", 1, 1).build(), "n9")).hasMessageContaining("n9");
        s.addPod(pod("a", 1, 1).build(), "n1");
        assertThatThrownBy(() -> s.addPod(pod("a", 1, 1).build(), "n1"))
                .hasMessageContaining("default/a");
        assertThatThrownBy(() -> s.removePod("nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> s.removeNode("n9")).hasMessageContaining("n9");
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void slotsOfRemovedNodesAreReclaimedWhenNoForkIsOpen() {
        ClusterSnapshot s = new ClusterSnapshot();
        for (int i = 0; i < 100; i++) {
            s.addNode(node("n" + i, 1000, 1).build());
        }
        for (int i = 0; i < 90; i++) {
            s.removeNode("n" + i);
        }
        assertThat(s.nodeSlotCount()).isLessThan(100);
        assertThat(names(s)).hasSize(10).first().isEqualTo("n90");
        assertThat(s.nodeAt(s.slotOf("n95")).name()).isEqualTo("n95");
    }
}
