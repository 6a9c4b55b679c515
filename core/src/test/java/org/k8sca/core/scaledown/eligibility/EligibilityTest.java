package org.k8sca.core.scaledown.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.NodeGroupOptions;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodLifecycle;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class EligibilityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final NodeGroupOptions GROUP = NodeGroupOptions.UPSTREAM_DEFAULTS;
    private static final NodeGroupOptions IGNORE_DS =
            new NodeGroupOptions(
                    0.5,
                    0.5,
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(20),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15),
                    false,
                    false,
                    true);

    private static NodeInfo nodeWith(Node node, Pod... pods) {
        ClusterSnapshot s = new ClusterSnapshot();
        s.addNode(node, List.of(pods));
        return s.nodeInfo(node.name());
    }

    private static Pod ds(String name, long milliCpu) {
        return pod(name, milliCpu, 0)
                .owner(OwnerReference.controller("DaemonSet", "agent", "u"))
                .build();
    }

    private static UnremovableReason reason(Eligibility.Result r) {
        return r.reason().orElse(null);
    }

    @Test
    void utilizationIsTheLargerOfCpuAndMemory() {
        NodeInfo info = nodeWith(node("n", 4000, 8).build(), pod("a", 1000, 6 * 1024).build());
        Utilization u = UtilizationCalculator.of(info, false, false, false, NOW);
        assertThat(u.cpu()).isEqualTo(0.25);
        assertThat(u.memory()).isEqualTo(0.75);
        assertThat(u.value()).isEqualTo(0.75);
    }

    @Test
    void thresholdIsInclusiveAndPerGroup() {
        NodeInfo half = nodeWith(node("n", 4000, 8).build(), pod("a", 2000, 0).build());
        assertThat(Eligibility.check(half, GROUP, true, false, false, false, NOW).eligible())
                .isTrue();
        NodeGroupOptions strict =
                new NodeGroupOptions(
                        0.4,
                        0.5,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(20),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        false,
                        false,
                        false);
        Eligibility.Result r = Eligibility.check(half, strict, true, false, false, false, NOW);
        assertThat(reason(r)).isEqualTo(UnremovableReason.NOT_UNDERUTILIZED);
        assertThat(r.detail()).contains("cpu 50%").contains("40%");
    }

    @Test
    void ignoringDaemonSetsTakesThemOutOfRequestsAndAllocatable() {
        // DaemonSets use 60 % of the node: not removable without the flag, removable (empty) with
        // it.
        NodeInfo info = nodeWith(node("n", 4000, 8).build(), ds("ds-1", 2400));
        assertThat(reason(Eligibility.check(info, GROUP, true, false, false, false, NOW)))
                .isEqualTo(UnremovableReason.NOT_UNDERUTILIZED);
        assertThat(Eligibility.check(info, IGNORE_DS, true, false, false, false, NOW).eligible())
                .isTrue();
        // With the flag, a 800m pod on the remaining 1600m is 50 %.
        NodeInfo mixed =
                nodeWith(node("m", 4000, 8).build(), ds("ds-2", 2400), pod("a", 800, 0).build());
        assertThat(UtilizationCalculator.of(mixed, true, false, false, NOW).cpu()).isEqualTo(0.5);
    }

    @Test
    void ignoringMirrorPods() {
        Pod mirror = pod("etcd", 3000, 0).annotations(Map.of(Pod.MIRROR_ANNOTATION, "x")).build();
        NodeInfo info = nodeWith(node("n", 4000, 8).build(), mirror);
        assertThat(UtilizationCalculator.of(info, false, false, false, NOW).cpu()).isEqualTo(0.75);
        assertThat(UtilizationCalculator.of(info, false, true, false, NOW).cpu()).isEqualTo(0.0);
    }

    @Test
    void podsStuckTerminatingDoNotCount() {
        Pod stuck =
                pod("s", 3000, 0)
                        .lifecycle(
                                new PodLifecycle(
                                        PodLifecycle.Phase.RUNNING,
                                        PodLifecycle.RestartPolicy.ALWAYS,
                                        NOW.minusSeconds(61),
                                        Duration.ofSeconds(30)))
                        .build();
        Pod fresh =
                pod("f", 1000, 0)
                        .lifecycle(
                                new PodLifecycle(
                                        PodLifecycle.Phase.RUNNING,
                                        PodLifecycle.RestartPolicy.ALWAYS,
                                        NOW.minusSeconds(59),
                                        Duration.ofSeconds(30)))
                        .build();
        NodeInfo info = nodeWith(node("n", 4000, 8).build(), stuck, fresh);
        assertThat(UtilizationCalculator.of(info, false, false, false, NOW).cpu()).isEqualTo(0.25);
    }

    @Test
    void gpuNodesAreJudgedByGpuOnly() {
        Node gpuNode =
                node("g", 4000, 8).allocatable(Resources.of(4000, 8L << 30, 0, 110, 2)).build();
        Pod cpuHeavy = pod("c", 3500, 0).build();
        NodeInfo info = nodeWith(gpuNode, cpuHeavy);
        Utilization u = UtilizationCalculator.of(info, false, false, false, NOW);
        assertThat(u.gpuNode()).isTrue();
        assertThat(u.value()).isEqualTo(0.0);
        // A GPU node whose GPUs are not allocatable yet counts as 0 % GPU.
        NodeInfo labelled = nodeWith(node("h", 4000, 8).build(), pod("c2", 3500, 0).build());
        assertThat(UtilizationCalculator.of(labelled, false, false, true, NOW).value())
                .isEqualTo(0.0);
    }

    @Test
    void checksComeInUpstreamOrder() {
        Node plain = node("n", 4000, 8).build();
        Node disabled =
                plain.toBuilder()
                        .annotations(Map.of(Eligibility.SCALE_DOWN_DISABLED, "true"))
                        .build();
        Node deleting =
                disabled.toBuilder()
                        .taints(List.of(ScaleDownTaints.toBeDeleted(NOW.minusSeconds(60))))
                        .build();
        Node staleDeleting =
                plain.toBuilder()
                        .taints(List.of(ScaleDownTaints.toBeDeleted(NOW.minusSeconds(301))))
                        .build();
        Node unready = plain.toBuilder().ready(false).build();
        Pod busy = pod("b", 3000, 0).build();

        assertThat(
                        reason(
                                Eligibility.check(
                                        nodeWith(deleting), GROUP, true, false, false, false, NOW)))
                .isEqualTo(UnremovableReason.CURRENTLY_BEING_DELETED);
        assertThat(
                        Eligibility.check(
                                        nodeWith(staleDeleting),
                                        GROUP,
                                        true,
                                        false,
                                        false,
                                        false,
                                        NOW)
                                .eligible())
                .isTrue();
        assertThat(
                        reason(
                                Eligibility.check(
                                        nodeWith(disabled), null, true, false, false, false, NOW)))
                .isEqualTo(UnremovableReason.SCALE_DOWN_DISABLED_ANNOTATION);
        assertThat(reason(Eligibility.check(nodeWith(plain), null, true, false, true, false, NOW)))
                .isEqualTo(UnremovableReason.NOT_AUTOSCALED);
        assertThat(
                        reason(
                                Eligibility.check(
                                        nodeWith(unready, busy),
                                        GROUP,
                                        false,
                                        false,
                                        true,
                                        false,
                                        NOW)))
                .isEqualTo(UnremovableReason.SCALE_DOWN_UNREADY_DISABLED);
        assertThat(
                        Eligibility.check(nodeWith(unready), GROUP, true, false, false, false, NOW)
                                .eligible())
                .isTrue();
        assertThat(
                        reason(
                                Eligibility.check(
                                        nodeWith(plain, busy),
                                        GROUP,
                                        true,
                                        false,
                                        true,
                                        false,
                                        NOW)))
                .isEqualTo(UnremovableReason.RECENTLY_UNREMOVABLE);
        assertThat(
                        reason(
                                Eligibility.check(
                                        nodeWith(plain, busy),
                                        GROUP,
                                        true,
                                        false,
                                        false,
                                        false,
                                        NOW)))
                .isEqualTo(UnremovableReason.NOT_UNDERUTILIZED);
    }
}
