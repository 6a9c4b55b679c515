package org.k8sca.core.scaleup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.Fixtures;
import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.resources.Resources;

import java.util.List;
import java.util.Map;

class BalancingTest {

    @Test
    void oneNodeAtATimeToTheSmallestGroup() {
        List<Balancer.Slot> slots =
                List.of(
                        new Balancer.Slot("A", 1, 10),
                        new Balancer.Slot("B", 3, 10),
                        new Balancer.Slot("C", 6, 10));

        assertThat(Balancer.distribute(slots, 4)).isEqualTo(Map.of("A", 3, "B", 1));
        assertThat(Balancer.distribute(slots, 0)).isEmpty();
        assertThat(Balancer.distribute(slots, 12))
                .isEqualTo(Map.of("A", 7, "B", 4, "C", 1)); // all reach 7, then A gets 8
    }

    @Test
    void groupsAtMaxAreSkippedAndExtraNodesDropped() {
        List<Balancer.Slot> slots =
                List.of(
                        new Balancer.Slot("A", 1, 2),
                        new Balancer.Slot("B", 5, 5),
                        new Balancer.Slot("C", 0, 1));

        assertThat(Balancer.distribute(slots, 10)).isEqualTo(Map.of("A", 1, "C", 1));
    }

    private static NodeTemplate template(long milliCpu, long memBytes, String... labels) {
        Node n =
                node("t", milliCpu, 1)
                        .labels(Labels.of(labels))
                        .allocatable(Resources.of(milliCpu, memBytes, 100 * Fixtures.GI, 110, 0))
                        .build();
        return new NodeTemplate(n, List.of());
    }

    @Test
    void similarityAllowsSmallMemoryDifferencesAndZoneLabels() {
        ScaleUpConfig c = ScaleUpConfig.DEFAULTS;
        long mem = 16 * Fixtures.GI;
        NodeTemplate a = template(4000, mem, Fixtures.ZONE, "a", "pool", "web");

        assertThat(
                        SimilarNodeGroups.similar(
                                a,
                                template(4000, mem - mem / 100, Fixtures.ZONE, "b", "pool", "web"),
                                c))
                .isTrue();
        assertThat(
                        SimilarNodeGroups.similar(
                                a,
                                template(4000, mem - mem / 10, Fixtures.ZONE, "b", "pool", "web"),
                                c))
                .isFalse();
        assertThat(
                        SimilarNodeGroups.similar(
                                a, template(8000, mem, Fixtures.ZONE, "b", "pool", "web"), c))
                .isFalse();
        assertThat(
                        SimilarNodeGroups.similar(
                                a, template(4000, mem, Fixtures.ZONE, "b", "pool", "db"), c))
                .isFalse();
        assertThat(
                        SimilarNodeGroups.similar(
                                a,
                                template(4000, mem, Fixtures.ZONE, "b", "pool", "db"),
                                c.toBuilder().balancingIgnoreLabels(List.of("pool")).build()))
                .isTrue();
        assertThat(
                        SimilarNodeGroups.similar(
                                a,
                                template(4000, mem, Fixtures.ZONE, "b", "pool", "db", "tier", "x"),
                                c.toBuilder().balancingLabels(List.of("tier-absent")).build()))
                .isTrue();
    }

    @Test
    void freeResourcesCountTemplatePods() {
        ScaleUpConfig c = ScaleUpConfig.DEFAULTS;
        NodeTemplate a = template(4000, 16 * Fixtures.GI);
        NodeTemplate b =
                new NodeTemplate(a.node(), List.of(pod("ds", 1000, 100).nodeName("t").build()));

        assertThat(SimilarNodeGroups.similar(a, b, c)).isFalse();
    }
}
