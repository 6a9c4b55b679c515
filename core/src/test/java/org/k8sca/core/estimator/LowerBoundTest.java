package org.k8sca.core.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.HOSTNAME;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.resources.Resources;

import java.util.ArrayList;
import java.util.List;

class LowerBoundTest {

    private static final NodeTemplate FOUR_CPU =
            new NodeTemplate(node("template-node-for-ng", 4000, 16).build(), List.of());

    private static List<Pod> pods(String app, int n, long milliCpu, long memMi) {
        List<Pod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pod(app + "-" + i, milliCpu, memMi, "app", app).build());
        }
        return out;
    }

    @Test
    void volumeIsTheBusiestResourceRoundedUp() {
        assertThat(LowerBound.nodes(pods("a", 9, 1000, 100), FOUR_CPU)).isEqualTo(3);
        assertThat(LowerBound.nodes(pods("a", 9, 100, 4096), FOUR_CPU)).isEqualTo(3);
        assertThat(LowerBound.nodes(List.of(), FOUR_CPU)).isZero();
    }

    @Test
    void theTemplatesOwnPodsAndPodSlotsCount() {
        // 1 CPU of DaemonSet leaves 3: nine 1-CPU pods need 3 nodes, not 9/4 -> 3 either; ten do
        // need 4 (not 3).
        DaemonSet ds =
                new DaemonSet("kube-system", "agent", "ds-1", pod("agent", 1000, 100).build());
        NodeTemplate t =
                new NodeTemplate(
                        node("template-node-for-ng", 4000, 16).build(),
                        List.of(ds.podFor("template-node-for-ng")));
        assertThat(LowerBound.nodes(pods("a", 10, 1000, 100), t)).isEqualTo(4);

        NodeTemplate fivePods =
                new NodeTemplate(
                        node("template-node-for-ng", 4000, 16)
                                .allocatable(Resources.of(4000, 16L << 30, 0, 5, 0))
                                .build(),
                        List.of());
        assertThat(LowerBound.nodes(pods("a", 11, 0, 0), fivePods)).isEqualTo(3);
    }

    @Test
    void podsOverHalfANodeCannotShareOne() {
        // 2.1 + 2.2 CPU pods: volume says 3 (8.6 + 3), but no two of the four large ones share.
        List<Pod> mix = new ArrayList<>(pods("a", 2, 2100, 100));
        mix.addAll(pods("b", 2, 2200, 100));
        mix.addAll(pods("c", 2, 1500, 100));
        assertThat(LowerBound.nodes(mix, FOUR_CPU)).isEqualTo(4);
    }

    @Test
    void podsWithTheSameRequestsFitOnlySoManyToANode() {
        // 1.5 CPU: two per 4 CPU node, so seven need 4 nodes (volume: 10.5 / 4 -> 3).
        assertThat(LowerBound.nodes(pods("a", 7, 1500, 100), FOUR_CPU)).isEqualTo(4);
    }

    @Test
    void selfAntiAffinePodsNeedANodeEach() {
        PodAffinityTerm onePer =
                PodAffinityTerm.of(LabelSelector.matchLabels("app", "db"), HOSTNAME);
        List<Pod> mix = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mix.add(
                    pod("db-" + i, 100, 100, "app", "db")
                            .antiAffinityTerms(List.of(onePer))
                            .build());
        }
        assertThat(LowerBound.nodes(mix, FOUR_CPU)).isEqualTo(5);

        // A term that the pods themselves do not match says nothing about them.
        PodAffinityTerm other =
                PodAffinityTerm.of(LabelSelector.matchLabels("app", "cache"), HOSTNAME);
        List<Pod> notSelf = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notSelf.add(
                    pod("web-" + i, 100, 100, "app", "web")
                            .antiAffinityTerms(List.of(other))
                            .build());
        }
        assertThat(LowerBound.nodes(notSelf, FOUR_CPU)).isEqualTo(1);
    }
}
