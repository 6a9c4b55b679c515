package org.k8sca.kube.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;
import java.util.Map;

class SnapshotBuilderTest {

    private static final Resources NODE = Resources.of(4000, 8L << 30, 0, 110, 0);

    private static ObservedPod observed(
            String name, SchedulingState state, String node, String nominated, int priority) {
        Pod pod =
                Pod.builder("a", name)
                        .requests(Resources.of(100, 0, 0, 0, 0))
                        .nodeName(node)
                        .nominatedNodeName(nominated)
                        .priority(priority)
                        .build();
        return new ObservedPod(pod, state, null, null, null);
    }

    @Test
    void placesBoundAndNominatedPodsAndLeavesTheRestOut() {
        ClusterObjects objects =
                new ClusterObjects(
                        1,
                        List.of(
                                Node.builder("n1").allocatable(NODE).build(),
                                Node.builder("n2").allocatable(NODE).build()),
                        List.of(
                                observed("bound", SchedulingState.BOUND, "n1", "", 0),
                                observed("nominated", SchedulingState.NOMINATED, "", "n2", 0),
                                observed("pending", SchedulingState.UNSCHEDULABLE, "", "", 0),
                                observed("done", SchedulingState.FINISHED, "n1", "", 0),
                                observed("expendable", SchedulingState.BOUND, "n1", "", -11),
                                observed("orphan", SchedulingState.BOUND, "gone-node", "", 0)),
                        List.of(),
                        List.of(),
                        Map.of(),
                        Map.of("a", Labels.of("team", "x")),
                        Map.of());

        ClusterSnapshot snapshot =
                SnapshotBuilder.build(objects, SnapshotBuilder.DEFAULT_EXPENDABLE_PRIORITY_CUTOFF);

        assertThat(snapshot.nodeCount()).isEqualTo(2);
        assertThat(snapshot.nodeInfo("n1").pods()).extracting(Pod::name).containsExactly("bound");
        assertThat(snapshot.nodeInfo("n2").pods())
                .extracting(Pod::name)
                .containsExactly("nominated");
        assertThat(snapshot.nodeInfo("n2").requested().milliCpu()).isEqualTo(100);
        assertThat(snapshot.podCount()).isEqualTo(2);
        assertThat(snapshot.namespaceLabels("a")).isEqualTo(Labels.of("team", "x"));
    }

    @Test
    void cutoffIsInclusiveOfItsOwnPriority() {
        ClusterObjects objects =
                new ClusterObjects(
                        1,
                        List.of(Node.builder("n1").allocatable(NODE).build()),
                        List.of(observed("at-cutoff", SchedulingState.BOUND, "n1", "", -10)),
                        List.of(),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        Map.of());
        assertThat(SnapshotBuilder.build(objects, -10).podCount()).isEqualTo(1);
    }
}
