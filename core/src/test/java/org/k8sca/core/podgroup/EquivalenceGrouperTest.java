package org.k8sca.core.podgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class EquivalenceGrouperTest {

    private static final OwnerReference RS1 = OwnerReference.controller("ReplicaSet", "a", "rs-1");
    private static final OwnerReference RS2 = OwnerReference.controller("ReplicaSet", "b", "rs-2");

    @Test
    void replicasOfOneControllerWithOneShapeFormOneGroup() {
        List<Pod> pods =
                List.of(
                        pod("a1", 100, 100, "app", "a")
                                .owner(RS1)
                                .annotations(Map.of("x", "1"))
                                .build(),
                        pod("a2", 100, 100, "app", "a")
                                .owner(RS1)
                                .annotations(Map.of("x", "2"))
                                .build(),
                        pod("b1", 100, 100, "app", "a").owner(RS2).build());

        List<PodGroup> groups = EquivalenceGrouper.group(pods);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).pods()).extracting(Pod::name).containsExactly("a1", "a2");
        assertThat(groups.get(0).exemplar().name()).isEqualTo("a1");
    }

    @Test
    void differentSchedulingSpecsOrLabelsSplitAGroup() {
        List<Pod> pods =
                List.of(
                        pod("a1", 100, 100, "app", "a").owner(RS1).build(),
                        pod("a2", 200, 100, "app", "a").owner(RS1).build(),
                        pod("a3", 100, 100, "app", "b").owner(RS1).build(),
                        pod("a4", 100, 100, "app", "a")
                                .owner(RS1)
                                .nodeSelector(Labels.of("zone", "x"))
                                .build());

        assertThat(EquivalenceGrouper.group(pods)).hasSize(4);
    }

    @Test
    void podsWithoutControllerAndDaemonSetPodsAreAlone() {
        List<Pod> pods =
                List.of(
                        pod("bare1", 100, 100).build(),
                        pod("bare2", 100, 100).build(),
                        pod("ds1", 100, 100)
                                .owner(OwnerReference.controller("DaemonSet", "d", "ds-1"))
                                .build(),
                        pod("ds2", 100, 100)
                                .owner(OwnerReference.controller("DaemonSet", "d", "ds-1"))
                                .build());

        assertThat(EquivalenceGrouper.group(pods))
                .hasSize(4)
                .allSatisfy(g -> assertThat(g.size()).isEqualTo(1));
    }

    @Test
    void aControllerWithManyShapesGetsSinglePodGroupsBeyondTheLimit() {
        List<Pod> pods = new ArrayList<>();
        for (int shape = 0; shape < 12; shape++) {
            for (int copy = 0; copy < 2; copy++) {
                pods.add(pod("p" + shape + "-" + copy, 100 + shape, 100).owner(RS1).build());
            }
        }

        List<PodGroup> groups = EquivalenceGrouper.group(pods);

        assertThat(groups.stream().filter(g -> g.size() == 2))
                .hasSize(EquivalenceGrouper.MAX_GROUPS_PER_CONTROLLER);
        assertThat(groups.stream().filter(g -> g.size() == 1)).hasSize(4);
        assertThat(groups.stream().mapToInt(PodGroup::size).sum()).isEqualTo(24);
    }
}
