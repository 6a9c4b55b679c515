package org.k8sca.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.core.Fixtures.node;
import static org.k8sca.core.Fixtures.pod;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.labels.NodeSelectorTerm;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.TaintEffect;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The single-node filters, each with cases where kube-scheduler says yes and no. Every case puts
 * one node (optionally with pods already on it) in a snapshot and checks one pending pod on it.
 */
class NodeFiltersTest {

    /** One case: a node, the pods already on it, the pod to place, and the expected failure. */
    record Case(
            String name,
            Node node,
            List<Pod> existing,
            Pod pod,
            String plugin,
            List<String> reasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case fits(String name, Node node, List<Pod> existing, Pod pod) {
        return new Case(name, node, existing, pod, null, List.of());
    }

    private static Case fails(
            String name, Node node, List<Pod> existing, Pod pod, String plugin, String... reasons) {
        return new Case(name, node, existing, pod, plugin, List.of(reasons));
    }

    private static final Node PLAIN = node("n1", 4000, 8).build();
    private static final Taint GPU_TAINT = new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE);

    static Stream<Case> cases() {
        Pod small = pod("p", 100, 100).build();
        Node cordoned = node("n1", 4000, 8).unschedulable(true).build();
        Node tainted = node("n1", 4000, 8).taints(List.of(GPU_TAINT)).build();
        Node labelled =
                node("n1", 4000, 8)
                        .labels(
                                Labels.of(
                                        "kubernetes.io/hostname", "n1", "disk", "ssd", "zone", "a"))
                        .build();
        return Stream.of(
                // NodeUnschedulable
                fits("schedulable node", PLAIN, List.of(), small),
                fails(
                        "cordoned node",
                        cordoned,
                        List.of(),
                        small,
                        Reasons.NODE_UNSCHEDULABLE,
                        "node(s) were unschedulable"),
                fits(
                        "cordoned node, pod tolerates unschedulable",
                        cordoned,
                        List.of(),
                        pod("p", 100, 100)
                                .tolerations(
                                        List.of(
                                                Toleration.exists(
                                                        "node.kubernetes.io/unschedulable",
                                                        TaintEffect.NO_SCHEDULE)))
                                .build()),
                fails(
                        "cordoned and tainted: only the first plugin reports",
                        node("n1", 4000, 8).unschedulable(true).taints(List.of(GPU_TAINT)).build(),
                        List.of(),
                        small,
                        Reasons.NODE_UNSCHEDULABLE,
                        "node(s) were unschedulable"),
                // NodeName
                fits(
                        "pod names this node",
                        PLAIN,
                        List.of(),
                        pod("p", 100, 100).nodeName("n1").build()),
                fails(
                        "pod names another node",
                        PLAIN,
                        List.of(),
                        pod("p", 100, 100).nodeName("n2").build(),
                        Reasons.NODE_NAME,
                        "node(s) didn't match the requested node name"),
                // TaintToleration
                fails(
                        "NoSchedule taint not tolerated",
                        tainted,
                        List.of(),
                        small,
                        Reasons.TAINT_TOLERATION,
                        "node(s) had untolerated taint {dedicated: gpu}"),
                fails(
                        "NoExecute taint not tolerated",
                        node("n1", 4000, 8)
                                .taints(List.of(new Taint("evict", "", TaintEffect.NO_EXECUTE)))
                                .build(),
                        List.of(),
                        small,
                        Reasons.TAINT_TOLERATION,
                        "node(s) had untolerated taint {evict: }"),
                fits(
                        "PreferNoSchedule does not filter",
                        node("n1", 4000, 8)
                                .taints(
                                        List.of(
                                                new Taint(
                                                        "soft",
                                                        "x",
                                                        TaintEffect.PREFER_NO_SCHEDULE)))
                                .build(),
                        List.of(),
                        small),
                fits(
                        "taint tolerated",
                        tainted,
                        List.of(),
                        pod("p", 100, 100)
                                .tolerations(
                                        List.of(
                                                Toleration.equal(
                                                        "dedicated",
                                                        "gpu",
                                                        TaintEffect.NO_SCHEDULE)))
                                .build()),
                fails(
                        "first untolerated taint is named",
                        node("n1", 4000, 8)
                                .taints(
                                        List.of(
                                                GPU_TAINT,
                                                new Taint("team", "b", TaintEffect.NO_SCHEDULE)))
                                .build(),
                        List.of(),
                        pod("p", 100, 100)
                                .tolerations(List.of(Toleration.exists("dedicated", null)))
                                .build(),
                        Reasons.TAINT_TOLERATION,
                        "node(s) had untolerated taint {team: b}"),
                // NodeAffinity
                fits(
                        "nodeSelector matches",
                        labelled,
                        List.of(),
                        pod("p", 100, 100).nodeSelector(Labels.of("disk", "ssd")).build()),
                fails(
                        "nodeSelector does not match",
                        labelled,
                        List.of(),
                        pod("p", 100, 100).nodeSelector(Labels.of("disk", "hdd")).build(),
                        Reasons.NODE_AFFINITY,
                        "node(s) didn't match Pod's node affinity/selector"),
                fits(
                        "required affinity matches",
                        labelled,
                        List.of(),
                        pod("p", 100, 100)
                                .requiredNodeAffinity(
                                        NodeSelector.of(
                                                NodeSelectorTerm.of(
                                                        Requirement.in("zone", "a", "b"))))
                                .build()),
                fails(
                        "required affinity does not match",
                        labelled,
                        List.of(),
                        pod("p", 100, 100)
                                .requiredNodeAffinity(
                                        NodeSelector.of(
                                                NodeSelectorTerm.of(
                                                        Requirement.notIn("zone", "a"))))
                                .build(),
                        Reasons.NODE_AFFINITY,
                        "node(s) didn't match Pod's node affinity/selector"),
                fails(
                        "selector matches but affinity does not: both must hold",
                        labelled,
                        List.of(),
                        pod("p", 100, 100)
                                .nodeSelector(Labels.of("disk", "ssd"))
                                .requiredNodeAffinity(
                                        NodeSelector.of(
                                                NodeSelectorTerm.of(Requirement.exists("gpu"))))
                                .build(),
                        Reasons.NODE_AFFINITY,
                        "node(s) didn't match Pod's node affinity/selector"),
                // NodePorts
                fails(
                        "same TCP host port",
                        PLAIN,
                        List.of(withPorts("e", HostPort.tcp(80))),
                        withPorts("p", HostPort.tcp(80)),
                        Reasons.NODE_PORTS,
                        "node(s) didn't have free ports for the requested pod ports"),
                fits(
                        "same port, other protocol",
                        PLAIN,
                        List.of(withPorts("e", HostPort.tcp(80))),
                        withPorts("p", new HostPort("UDP", "", 80))),
                fits(
                        "other port",
                        PLAIN,
                        List.of(withPorts("e", HostPort.tcp(80))),
                        withPorts("p", HostPort.tcp(81))),
                fits(
                        "same port on different specific IPs",
                        PLAIN,
                        List.of(withPorts("e", new HostPort("TCP", "10.0.0.1", 80))),
                        withPorts("p", new HostPort("TCP", "10.0.0.2", 80))),
                fails(
                        "0.0.0.0 conflicts with a specific IP",
                        PLAIN,
                        List.of(withPorts("e", new HostPort("TCP", "10.0.0.1", 80))),
                        withPorts("p", HostPort.tcp(80)),
                        Reasons.NODE_PORTS,
                        "node(s) didn't have free ports for the requested pod ports"),
                // NodeResourcesFit
                fits(
                        "exactly fills the node",
                        PLAIN,
                        List.of(pod("e", 3000, 4096).build()),
                        pod("p", 1000, 4096).build()),
                fails(
                        "cpu and memory short",
                        PLAIN,
                        List.of(pod("e", 3000, 4096).build()),
                        pod("p", 1001, 4097).build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Insufficient cpu",
                        "Insufficient memory"),
                fails(
                        "too many pods",
                        node("n1", 4000, 8)
                                .allocatable(Resources.of(4000, 8L << 30, 0, 1, 0))
                                .build(),
                        List.of(pod("e", 0, 0).build()),
                        pod("p", 0, 0).build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Too many pods"),
                fails(
                        "extended resource the node lacks",
                        PLAIN,
                        List.of(),
                        Pod.builder("default", "p")
                                .requests(Resources.builder().set("nvidia.com/gpu", 1).build())
                                .build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Insufficient nvidia.com/gpu"),
                fails(
                        "cpu and GPU short",
                        node("n1", 4000, 8)
                                .allocatable(Resources.of(4000, 8L << 30, 0, 110, 1))
                                .build(),
                        List.of(),
                        Pod.builder("default", "p")
                                .requests(Resources.of(5000, 0, 0, 0, 2))
                                .build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Insufficient cpu",
                        "Insufficient nvidia.com/gpu"),
                fails(
                        "pods, cpu, memory and storage short together",
                        node("n1", 4000, 8)
                                .allocatable(Resources.of(1000, 1L << 30, 1L << 30, 1, 0))
                                .build(),
                        List.of(pod("e", 0, 0).build()),
                        Pod.builder("default", "p")
                                .requests(Resources.of(2000, 2L << 30, 2L << 30, 0, 0))
                                .build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Too many pods",
                        "Insufficient cpu",
                        "Insufficient memory",
                        "Insufficient ephemeral-storage"),
                fails(
                        "ephemeral storage",
                        PLAIN,
                        List.of(),
                        Pod.builder("default", "p")
                                .requests(Resources.of(0, 0, 200L << 30, 0, 0))
                                .build(),
                        Reasons.NODE_RESOURCES_FIT,
                        "Insufficient ephemeral-storage"),
                fits(
                        "a pod without requests fits an overcommitted node",
                        PLAIN,
                        List.of(pod("e", 5000, 100).build()),
                        pod("p", 0, 0).build()),
                // VolumeBinding (bound PVs) and VolumeZone
                fits(
                        "bound PV affinity matches",
                        labelled,
                        List.of(),
                        withVolume(
                                new BoundVolume(
                                        "data",
                                        NodeSelector.of(
                                                NodeSelectorTerm.of(Requirement.in("zone", "a"))),
                                        null))),
                fails(
                        "bound PV affinity conflicts",
                        labelled,
                        List.of(),
                        withVolume(
                                new BoundVolume(
                                        "data",
                                        NodeSelector.of(
                                                NodeSelectorTerm.of(Requirement.in("zone", "b"))),
                                        null)),
                        Reasons.VOLUME_BINDING,
                        "node(s) had volume node affinity conflict"),
                fits(
                        "PV zone list contains the node zone",
                        zoned("b"),
                        List.of(),
                        withVolume(
                                new BoundVolume(
                                        "data",
                                        null,
                                        Labels.of("topology.kubernetes.io/zone", "a__b")))),
                fails(
                        "PV zone differs",
                        zoned("c"),
                        List.of(),
                        withVolume(
                                new BoundVolume(
                                        "data",
                                        null,
                                        Labels.of("topology.kubernetes.io/zone", "a__b"))),
                        Reasons.VOLUME_ZONE,
                        "node(s) had no available volume zone"),
                fits(
                        "node without zone labels passes VolumeZone",
                        PLAIN,
                        List.of(),
                        withVolume(
                                new BoundVolume(
                                        "data",
                                        null,
                                        Labels.of("topology.kubernetes.io/zone", "a")))));
    }

    private static Node zoned(String zone) {
        return node("n1", 4000, 8).labels(Labels.of("topology.kubernetes.io/zone", zone)).build();
    }

    private static Pod withPorts(String name, HostPort... ports) {
        return pod(name, 10, 10).hostPorts(List.of(ports)).build();
    }

    private static Pod withVolume(BoundVolume v) {
        return pod("p", 10, 10).boundVolumes(List.of(v)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheScheduler(Case c) {
        ClusterSnapshot snapshot = new ClusterSnapshot();
        snapshot.addNode(c.node(), c.existing());
        Optional<PredicateFailure> result =
                new PredicateChecker(snapshot).checkOnNode(c.pod(), c.node().name());
        if (c.plugin() == null) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).isPresent();
            assertThat(result.get().plugin()).isEqualTo(c.plugin());
            assertThat(result.get().reasons()).containsExactlyElementsOf(c.reasons());
        }
    }
}
